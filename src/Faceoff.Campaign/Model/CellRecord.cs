using System.Text.Json.Serialization;
using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Model;

/// <summary>The server process that served one side of a cell: its log, and how it was warmed after it started.</summary>
/// <param name="LogPath">The server's log, relative to the run directory.</param>
/// <param name="Warmup">The until-stable warmup this process got after starting; null when the protocol has none.</param>
public sealed record ServerUse(Side Side, string Profile, int Pid, string LogPath, ServerWarmupRecord? Warmup);

/// <summary>
/// A finished cell as written to <c>cells/&lt;pair&gt;/&lt;scenario&gt;/c&lt;step&gt;.json</c>: every pass in
/// execution order (so the alternation of the measured repeats is on record), the servers that ran them and,
/// for a failed cell, what failed. Written atomically after the pass files, so a cell file that parses is a
/// complete cell.
/// </summary>
public sealed record CellRecord(
    string Pair,
    string Scenario,
    int Concurrency,
    string CandidateProfile,
    string ReferenceProfile,
    CellStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<ServerUse> Servers,
    IReadOnlyList<PassRecord> Passes,
    IReadOnlyList<ServerFailure> Failures)
{
    [JsonIgnore]
    public CellKey Key => new(Pair, Scenario, Concurrency);

    public string ProfileOf(Side side) => side == Side.Candidate ? CandidateProfile : ReferenceProfile;

    public IEnumerable<PassRecord> Measured(Side side) =>
        Passes.Where(p => p.Kind == PassKind.Measured && p.Side == side);

    /// <summary>The failure of one side, if that side failed.</summary>
    public ServerFailure? FailureOf(Side side) => Failures.FirstOrDefault(f => f.Side == side);

    public ServerUse? ServerOf(Side side) => Servers.FirstOrDefault(s => s.Side == side);
}
