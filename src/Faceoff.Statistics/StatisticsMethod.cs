namespace Faceoff.Statistics;

/// <summary>The statistical method in plain sentences, for the methodology note to print verbatim.</summary>
public static class StatisticsMethod
{
    public static IReadOnlyList<string> Describe(StatisticsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string F(double value) => SideAnalyzer.Format(value);
        var level = F(settings.ConfidenceLevel * 100);
        var bandPct = F(settings.EquivalenceBand * 100);
        return
        [
            "Per cell (profile × scenario × concurrency step), across measured repeats: median, interquartile range (Hyndman–Fan type 7 quantiles, Perfolizer) and coefficient of variation (sample standard deviation ÷ mean) of throughput and of each latency percentile.",
            "Within-pass stability: for each repeat, the CV of its per-second completed requests, leaving out the partial first and last second.",
            $"A cell is unstable when its throughput CV across repeats exceeds {F(settings.MaxCv)}; a cell with contract violations, an error rate above {F(settings.MaxErrorRate * 100)}%, a failure or no repeats is not clean either.",
            "Ratios are candidate ÷ reference for throughput and for latency p50, p95 and p99, from one value per repeat on each side, grouped by launch.",
            $"Each ratio has a t-interval on the difference of mean logarithms, exponentiated: an interval for the ratio of geometric means, whose point estimate is shown with it, built from launch means as the two-level paragraphs below say, at the level the family-wise procedure gives its row (at least {level}%). It is closed-form, so a report regenerated from stored data gives identical numbers.",
            "Why repeats and not seconds: the seconds of one repeat share that repeat's server process and machine state, so pooling per-second samples as independent would overstate confidence exactly when repeats drift; the per-second series is used for within-pass stability only.",
            "Why not a bootstrap of medians: with three repeats a resampled median cannot leave the observed extremes, so such an interval covers about 88% instead of 95% (measured on simulated identical servers); the t-interval widens honestly when repeats are few.",
            $"Verdicts use the equivalence band [{F(1 - settings.EquivalenceBand)}, {F(1 + settings.EquivalenceBand)}] (±{bandPct}%): the whole interval inside the band → no significant difference; the whole interval beyond the band on the candidate's better side → candidate faster, on its worse side → candidate slower; otherwise inconclusive. For latency, lower is faster.",
            $"Fewer than {settings.MinRepeats} repeats on either side, or missing or non-positive values, make a comparison inconclusive.",
            "Requiring the whole interval to clear the band, not merely to exclude 1, keeps false wins rare: identical servers simulated in the test suite come out as no significant difference or inconclusive in at least 95% of comparisons.",
            "The row verdict is the throughput verdict, with the latency verdicts beside it. A row is not publishable, whatever its numbers, when the parity gate was skipped or either cell is not clean; the reasons are listed with it.",
            "throughput_advantage_pct = (candidate median req/s ÷ reference median req/s − 1) × 100; latency_advantage_pct = (reference median p50 ÷ candidate median p50 − 1) × 100. Positive means the candidate is better in both.",
        ];
    }
}
