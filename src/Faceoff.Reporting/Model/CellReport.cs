using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Faceoff.Reporting.Model;

/// <summary>One profile running one scenario at one concurrency step: warmup, measured repeats, aggregates.</summary>
/// <param name="ServerLogPath">The server's stdout/stderr for this cell, relative to the run directory.</param>
public sealed record CellReport(
    string Pair,
    string Profile,
    ProfileRole Role,
    string Scenario,
    int Concurrency,
    CellStatus Status,
    CellFailure? Failure,
    WarmupResult? Warmup,
    IReadOnlyList<RepeatResult> Repeats,
    CellAggregates? Aggregates,
    string? ServerLogPath)
{
    /// <summary>
    /// "pair/candidate.profile/scenario/c8": how the cell is named in tables and findings, and its identity in a
    /// report. The role is part of it because a pair may run one profile on both sides (an A/A check).
    /// </summary>
    [JsonIgnore]
    public string Key => $"{Pair}/{EnumText.Of(Role)}.{Profile}/{Scenario}/c{Concurrency}";
}

/// <summary>Why a cell did not complete: the reason, how the server ended and the end of its log.</summary>
/// <param name="Signal">The signal that ended the server (e.g. SIGKILL), when it was one.</param>
public sealed record CellFailure(string Reason, int? ExitStatus, string? Signal, IReadOnlyList<string> LogTail);

/// <summary>What warming up took on the same server process that was then measured.</summary>
/// <param name="StabilityReached">Null when the protocol asked for fixed warmup passes only.</param>
/// <param name="FinalWindowCv">CV of the per-second throughput in the last stability window.</param>
public sealed record WarmupResult(double DurationSeconds, int Passes, bool? StabilityReached, double? FinalWindowCv);

/// <summary>Latency distribution of one pass, microseconds.</summary>
public sealed record LatencyStats(
    double MeanUs,
    double StdevUs,
    double P50Us,
    double P75Us,
    double P90Us,
    double P95Us,
    double P99Us,
    double P999Us,
    double P9999Us,
    double MaxUs);

/// <summary>One measured pass as the load engine and the server sampler recorded it.</summary>
/// <param name="Repeat">1-based repeat number within the cell.</param>
/// <param name="ErrorsByKind">Error kind (connect, read, timeout...) → count; kinds that did not occur are absent.</param>
/// <param name="StatusCounts">HTTP status code → count of completed responses.</param>
/// <param name="RawResultPath">The full load result (JSON), relative to the run directory.</param>
/// <param name="HistogramLogPath">The HdrHistogram log of this pass, relative to the run directory.</param>
public sealed record RepeatResult(
    int Repeat,
    long Requests,
    long Errors,
    ImmutableSortedDictionary<string, long> ErrorsByKind,
    ImmutableSortedDictionary<string, long> StatusCounts,
    double DurationSeconds,
    double RequestsPerSecond,
    double BytesPerSecond,
    LatencyStats Latency,
    IReadOnlyList<long> PerSecondCompleted,
    IReadOnlyList<long> PerSecondErrors,
    long SampledResponses,
    long ContractViolations,
    IReadOnlyList<string> FirstViolations,
    double ServerCpuSeconds,
    long RssBeforeKib,
    long RssAfterKib,
    long RssPeakKib,
    string? RawResultPath,
    string? HistogramLogPath);

/// <summary>
/// Spread of one metric across the repeats of a cell (quartiles by linear interpolation; CV = sample
/// standard deviation over mean, null below two values).
/// </summary>
public sealed record MetricSpread(
    int Count,
    double Median,
    double Q1,
    double Q3,
    double Iqr,
    double Min,
    double Max,
    double Mean,
    double? Cv);

public sealed record LatencySpread(
    MetricSpread P50,
    MetricSpread P75,
    MetricSpread P90,
    MetricSpread P95,
    MetricSpread P99,
    MetricSpread P999,
    MetricSpread Mean);

/// <summary>Within-pass stability: the CV of each repeat's per-second throughput (trimmed), their median and max.</summary>
public sealed record PassStabilityStats(IReadOnlyList<double?> PerRepeatCv, double? MedianCv, double? MaxCv);

/// <summary>The cell's numbers across repeats, and whether they can back a verdict.</summary>
/// <param name="Unstable">Throughput CV across repeats above the protocol's reproducibility bound.</param>
/// <param name="Issues">Why the cell cannot back a published verdict; empty for a clean cell.</param>
public sealed record CellAggregates(
    MetricSpread Throughput,
    LatencySpread Latency,
    PassStabilityStats PassStability,
    MetricSpread ServerCpuSeconds,
    MetricSpread RssPeakKib,
    long Requests,
    long Errors,
    long ContractViolations,
    bool Unstable,
    IReadOnlyList<string> Issues);
