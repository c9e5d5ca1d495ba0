namespace Faceoff.Statistics;

/// <summary>
/// Candidate vs reference at one scenario × step. Each ratio is candidate ÷ reference of geometric
/// means across repeats, with its confidence interval (method in <see cref="StatisticsMethod"/>); the
/// seed's percentage columns use medians. <see cref="Verdict"/> is the throughput verdict unless
/// <see cref="Issues"/> is non-empty, in which case it is <see cref="Verdict.NotPublishable"/> and
/// <see cref="StatisticalVerdict"/> keeps what the numbers alone said.
/// </summary>
/// <param name="ThroughputAdvantagePct">(candidate median req/s ÷ reference median req/s − 1) × 100; positive = candidate better.</param>
/// <param name="LatencyAdvantagePct">(reference median p50 ÷ candidate median p50 − 1) × 100; positive = candidate better.</param>
public sealed record ComparisonRow(
    string Pair,
    string Scenario,
    int Concurrency,
    SideStatistics Candidate,
    SideStatistics Reference,
    RatioComparison Throughput,
    RatioComparison LatencyP50,
    RatioComparison LatencyP95,
    RatioComparison LatencyP99,
    double? ThroughputAdvantagePct,
    double? LatencyAdvantagePct,
    Verdict StatisticalVerdict,
    Verdict Verdict,
    IReadOnlyList<QualityIssue> Issues)
{
    public bool IsPublishable => Issues.Count == 0;
}
