using Faceoff.Statistics;

namespace Faceoff.Reporting.Model;

/// <summary>The medians one side of a comparison brings; null where the side has no data.</summary>
public sealed record ComparisonSide(string Profile, double? MedianRps, double? P50Us, double? P95Us, double? P99Us);

/// <summary>
/// Candidate against reference at one scenario and step. Ratios are candidate / reference of the geometric
/// means across repeats, with their confidence intervals; null when either side has no usable data.
/// </summary>
/// <param name="ThroughputAdvantagePct">The seed's column: (candidate req/s ÷ reference req/s − 1) × 100.</param>
/// <param name="LatencyAdvantagePct">The seed's column: (reference p50 ÷ candidate p50 − 1) × 100; positive = candidate faster.</param>
/// <param name="Reasons">Why the verdict is what it is: the interval against the band, or what makes the row not publishable.</param>
public sealed record ComparisonReport(
    string Pair,
    string Scenario,
    int Concurrency,
    ComparisonSide Candidate,
    ComparisonSide Reference,
    Interval? ThroughputRatio,
    Interval? P50Ratio,
    Interval? P95Ratio,
    Interval? P99Ratio,
    double? ThroughputAdvantagePct,
    double? LatencyAdvantagePct,
    Verdict Verdict,
    IReadOnlyList<string> Reasons)
{
    /// <summary>Prefix of the reason that says what the numbers alone would have concluded for a not-publishable row.</summary>
    public const string NumbersAlone = "numbers alone: ";

    /// <summary>What the throughput interval was built from (launches, variance components, implied design); null without a ratio or in a report written before launches were recorded.</summary>
    public LaunchFacts? Launch { get; init; }

    public static ComparisonReport From(ComparisonRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(
            row.Pair,
            row.Scenario,
            row.Concurrency,
            Side(row.Candidate),
            Side(row.Reference),
            row.Throughput.Ratio,
            row.LatencyP50.Ratio,
            row.LatencyP95.Ratio,
            row.LatencyP99.Ratio,
            row.ThroughputAdvantagePct,
            row.LatencyAdvantagePct,
            row.Verdict,
            row.IsPublishable
                ? [.. new[] { row.Throughput, row.LatencyP50, row.LatencyP95, row.LatencyP99 }.Select(r => r.Explanation)]
                : [.. row.Issues.Select(i => i.Message), $"{NumbersAlone}{row.Throughput.Explanation}"])
        {
            Launch = LaunchFacts.From(row.Throughput.Estimate),
        };
    }

    /// <summary>Why a not-publishable row is so, without the line on what the numbers alone said.</summary>
    public IEnumerable<string> Blockers => Reasons.Where(r => !r.StartsWith(NumbersAlone, StringComparison.Ordinal));

    private static ComparisonSide Side(SideStatistics side) => new(
        side.Key.Profile,
        side.Throughput?.Median,
        side.Latency?.P50.Median,
        side.Latency?.P95.Median,
        side.Latency?.P99.Median);
}
