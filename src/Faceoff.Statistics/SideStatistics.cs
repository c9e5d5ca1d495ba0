namespace Faceoff.Statistics;

/// <summary>
/// Spread of one metric across repeats. Quartiles use Hyndman–Fan type 7 (linear interpolation);
/// <see cref="Cv"/> is sample standard deviation (n − 1) over mean, null below two values.
/// </summary>
public sealed record MetricSummary(
    int Count,
    double Median,
    double Q1,
    double Q3,
    double Iqr,
    double Min,
    double Max,
    double Mean,
    double? Cv);

public sealed record LatencySummary(
    MetricSummary P50,
    MetricSummary P75,
    MetricSummary P90,
    MetricSummary P95,
    MetricSummary P99,
    MetricSummary P999,
    MetricSummary Mean);

/// <summary>
/// Within-pass stability: for each repeat, the CV of its per-second completed requests without the
/// partial first and last second (null when fewer than two full seconds remain).
/// </summary>
public sealed record PassStability(IReadOnlyList<double?> PerRepeatCv, double? MedianCv, double? MaxCv);

public enum QualityIssueKind
{
    ParitySkipped,
    CellFailed,
    NoData,
    Unstable,
    ContractViolations,
    Errors,

    /// <summary>Lost or phantom writes: the rows inserted differ from the 201 responses counted.</summary>
    WriteMismatch,
}

/// <summary>Why a cell or row cannot support a published verdict.</summary>
public sealed record QualityIssue(QualityIssueKind Kind, string Message);

/// <summary>Everything the statistics know about one cell; <see cref="Issues"/> is empty for a clean cell.</summary>
public sealed record SideStatistics(
    SideKey Key,
    int RepeatCount,
    MetricSummary? Throughput,
    LatencySummary? Latency,
    PassStability PassStability,
    MetricSummary? ServerCpuSeconds,
    MetricSummary? RssPeakKib,
    long Requests,
    long Errors,
    long ContractViolations,
    double ErrorRate,
    bool IsUnstable,
    string? Failure,
    IReadOnlyList<QualityIssue> Issues)
{
    public bool IsClean => Issues.Count == 0;
}
