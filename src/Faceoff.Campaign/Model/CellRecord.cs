using System.Text.Json.Serialization;
using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Model;

/// <summary>The server process that served one side of a cell: its log, and how it was warmed after it started.</summary>
/// <param name="LogPath">The server's log, relative to the run directory.</param>
/// <param name="Warmup">The until-stable warmup this process got after starting; null when the protocol has none.</param>
/// <param name="Launch">The launch (1-based) this process served; a process restarted after a crash still counts as that launch.</param>
public sealed record ServerUse(Side Side, string Profile, int Pid, string LogPath, ServerWarmupRecord? Warmup, int Launch = 1);

/// <summary>
/// A cell as written to <c>cells/&lt;pair&gt;/&lt;scenario&gt;/c&lt;step&gt;.json</c>: every pass in
/// execution order (so the alternation of the measured repeats is on record), the servers that ran them and,
/// for a failed cell, what failed. Written atomically after the pass files, once after every launch of the cell,
/// so a cell file that parses holds complete launches: with <c>measured.launches</c> = L and <c>measured.repeats</c>
/// = R a finished cell has L × R measured passes per side, numbered 1…L×R, each carrying its launch.
/// </summary>
/// <param name="LaunchesDone">
/// Launches whose repeats this record holds in full. Below the protocol's launches on a completed status, the run
/// was interrupted between launches and a resume continues the cell at launch <c>LaunchesDone + 1</c>.
/// </param>
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
    IReadOnlyList<ServerFailure> Failures,
    int LaunchesDone = 1,
    IReadOnlyList<DiscardedLaunch>? Discarded = null)
{
    /// <summary>Cell launches measured again because their repeats spread beyond the stability bound; empty for most cells.</summary>
    [JsonIgnore]
    public IReadOnlyList<DiscardedLaunch> DiscardedLaunches => Discarded ?? [];

    [JsonIgnore]
    public CellKey Key => new(Pair, Scenario, Concurrency);

    public string ProfileOf(Side side) => side == Side.Candidate ? CandidateProfile : ReferenceProfile;

    public IEnumerable<PassRecord> Measured(Side side) =>
        Passes.Where(p => p.Kind == PassKind.Measured && p.Side == side);

    /// <summary>The failure of one side, if that side failed.</summary>
    public ServerFailure? FailureOf(Side side) => Failures.FirstOrDefault(f => f.Side == side);

    public ServerUse? ServerOf(Side side) => Servers.FirstOrDefault(s => s.Side == side);

    /// <summary>True when nothing is left to measure: every launch done, no failure.</summary>
    public bool IsFinished(int launches) => Status == CellStatus.Completed && LaunchesDone >= launches;
}

/// <summary>
/// One attempt at a cell launch that was measured again: on one side its repeats, all on the same server process, spread
/// beyond the reproducibility bound (a first repeat at a third of the next, seen on a cold code path and while the machine
/// was disturbed), which no launch-level statistics can absorb. Its passes are kept here, with their files, never counted.
/// </summary>
/// <param name="Launch">The launch the attempt served.</param>
/// <param name="Side">The side whose repeats spread.</param>
/// <param name="Cv">That side's throughput CV across the attempt's repeats.</param>
/// <param name="MaxCv">The bound it exceeded (<c>reproducibility.max_cv_ratio</c>).</param>
/// <param name="Passes">Every pass of the attempt (fixed warmups and measured repeats), files renamed under <c>discarded/</c>.</param>
public sealed record DiscardedLaunch(int Launch, Side Side, double Cv, double MaxCv, DateTimeOffset At, IReadOnlyList<PassRecord> Passes);

/// <summary>Questions about a run's cells that more than one part of the report asks.</summary>
public static class CellRecords
{
    /// <summary>
    /// Every until-stable warmup of the run once, with the process it warmed: each cell file repeats the warmup of the
    /// process that served it, so the same warmup appears in every cell that process served.
    /// </summary>
    public static IEnumerable<(ServerUse Server, ServerWarmupRecord Warmup)> Warmups(IEnumerable<CellRecord> cells) =>
        cells
            .SelectMany(c => c.Servers)
            .Where(s => s.Warmup is not null)
            .DistinctBy(s => (s.Side, s.Profile, s.Pid, s.LogPath, s.Warmup!.Scenario))
            .Select(s => (s, s.Warmup!));
}
