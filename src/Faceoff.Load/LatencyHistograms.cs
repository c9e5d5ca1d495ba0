using HdrHistogram;

namespace Faceoff.Load;

/// <summary>The histogram shape every run uses, and merging by adding counts.</summary>
public static class LatencyHistograms
{
    /// <summary>Lowest recordable latency, microseconds.</summary>
    public const long LowestMicros = 1;

    /// <summary>Highest recordable latency (60 s) in microseconds; longer values are clamped to it.</summary>
    public const long HighestMicros = 60_000_000;

    /// <summary>Value precision: 3 significant digits, i.e. within 0.1%.</summary>
    public const int SignificantDigits = 3;

    public static LongHistogram Create() => new(LowestMicros, HighestMicros, SignificantDigits);

    /// <summary>
    /// Merges histograms by adding their counts — the only correct way to combine percentiles
    /// (averaging per-worker percentiles is wrong whenever the workers saw different loads).
    /// </summary>
    public static LongHistogram Merge(IEnumerable<HistogramBase> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var merged = Create();
        foreach (var part in parts)
        {
            merged.Add(part);
        }

        return merged;
    }
}

/// <summary>Latency statistics in microseconds, read from a histogram.</summary>
public sealed record LatencySummary(
    long Count,
    double MeanMicros,
    double StdevMicros,
    long MinMicros,
    long P50Micros,
    long P75Micros,
    long P90Micros,
    long P95Micros,
    long P99Micros,
    long P999Micros,
    long P9999Micros,
    long MaxMicros)
{
    /// <summary>The percentiles reported everywhere, with their labels.</summary>
    public static readonly IReadOnlyList<(string Label, double Percentile)> Percentiles =
    [
        ("p50", 50), ("p75", 75), ("p90", 90), ("p95", 95), ("p99", 99), ("p99.9", 99.9), ("p99.99", 99.99),
    ];

    public static LatencySummary From(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.TotalCount == 0)
        {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        long At(double p) => histogram.GetValueAtPercentile(p);
        var min = histogram.RecordedValues().First().ValueIteratedTo;
        return new LatencySummary(
            histogram.TotalCount,
            histogram.GetMean(),
            histogram.GetStdDeviation(),
            histogram.LowestEquivalentValue(min),
            At(50),
            At(75),
            At(90),
            At(95),
            At(99),
            At(99.9),
            At(99.99),
            histogram.GetMaxValue());
    }

    /// <summary>The value of a reported percentile by its label order (see <see cref="Percentiles"/>).</summary>
    public long ValueOf(double percentile) => percentile switch
    {
        50 => P50Micros,
        75 => P75Micros,
        90 => P90Micros,
        95 => P95Micros,
        99 => P99Micros,
        99.9 => P999Micros,
        99.99 => P9999Micros,
        _ => throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "not a reported percentile"),
    };
}
