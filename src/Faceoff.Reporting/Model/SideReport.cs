using System.Text.Json.Serialization;
using Faceoff.Statistics;

namespace Faceoff.Reporting.Model;

/// <summary>
/// One side of a cell: a profile running one scenario at one concurrency step, with its warmup, its measured
/// passes and the statistics computed from them.
/// </summary>
/// <param name="Repeats">The side's measured passes, as the cell file stores them.</param>
/// <param name="ServerLogPath">The server's stdout/stderr for this cell, relative to the run directory.</param>
public sealed record SideReport(
    string Pair,
    string Profile,
    Side Role,
    string Scenario,
    int Concurrency,
    CellStatus Status,
    CellFailure? Failure,
    WarmupResult? Warmup,
    IReadOnlyList<PassRecord> Repeats,
    SideStatistics Statistics,
    string? ServerLogPath)
{
    /// <summary>
    /// "pair/candidate.profile/scenario/c8": how the side is named in tables and findings, and its identity in a
    /// report. The role is part of it because a pair may run one profile on both sides (an A/A check).
    /// </summary>
    [JsonIgnore]
    public string Key => $"{Pair}/{Role.Long()}.{Profile}/{Scenario}/c{Concurrency}";
}

/// <summary>Why a cell did not complete: the reason, how the server ended and the end of its log.</summary>
/// <param name="Signal">The signal that ended the server (e.g. SIGKILL), when it was one.</param>
public sealed record CellFailure(string Reason, int? ExitStatus, string? Signal, IReadOnlyList<string> LogTail);

/// <summary>What warming up took on the same server process that was then measured.</summary>
/// <param name="StabilityReached">Null when the protocol asked for fixed warmup passes only.</param>
/// <param name="FinalWindowCv">CV of the per-second throughput in the last stability window.</param>
public sealed record WarmupResult(double DurationSeconds, int Passes, bool? StabilityReached, double? FinalWindowCv);
