namespace Faceoff.Statistics;

/// <summary>Builds comparison rows: ratios with confidence intervals, verdicts, and the publishability gate.</summary>
public static class ComparisonCalculator
{
    /// <param name="parityVerified">False when the parity gate was skipped: every row is then not publishable.</param>
    public static ComparisonRow Compare(
        string pair,
        SideMeasurements candidate,
        SideMeasurements reference,
        bool parityVerified,
        StatisticsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(reference);
        if (candidate.Key.Scenario != reference.Key.Scenario || candidate.Key.Concurrency != reference.Key.Concurrency)
        {
            throw new ArgumentException($"cells {candidate.Key} and {reference.Key} are not the same scenario and step");
        }
        var candidateStats = SideAnalyzer.Analyze(candidate, settings);
        var referenceStats = SideAnalyzer.Analyze(reference, settings);

        RatioComparison Metric(string metric, Func<PassMeasurement, double> pick, bool higherIsBetter) => CompareMetric(
            metric,
            candidate,
            reference,
            pick,
            settings,
            higherIsBetter);
        var throughput = Metric("throughput", r => r.ThroughputRps, higherIsBetter: true);
        RatioComparison Latency(string metric, Func<LatencyStats, double> pick) =>
            Metric(metric, r => pick(r.LatencyUs), higherIsBetter: false);

        var issues = new List<QualityIssue>();
        if (!parityVerified)
        {
            issues.Add(new(QualityIssueKind.ParitySkipped, "parity gate was skipped"));
        }
        issues.AddRange(candidateStats.Issues.Select(i => i with { Message = $"candidate {candidate.Key.Profile}: {i.Message}" }));
        issues.AddRange(referenceStats.Issues.Select(i => i with { Message = $"reference {reference.Key.Profile}: {i.Message}" }));

        return new ComparisonRow(
            pair,
            candidate.Key.Scenario,
            candidate.Key.Concurrency,
            candidateStats,
            referenceStats,
            throughput,
            Latency("latency p50", l => l.P50Us),
            Latency("latency p95", l => l.P95Us),
            Latency("latency p99", l => l.P99Us),
            AdvantagePct(candidateStats.Throughput?.Median, referenceStats.Throughput?.Median),
            AdvantagePct(referenceStats.Latency?.P50.Median, candidateStats.Latency?.P50.Median),
            throughput.Verdict,
            issues.Count == 0 ? throughput.Verdict : Verdict.NotPublishable,
            issues);
    }

    private static RatioComparison CompareMetric(
        string metric,
        SideMeasurements numerator,
        SideMeasurements denominator,
        Func<PassMeasurement, double> pick,
        StatisticsSettings settings,
        bool higherIsBetter)
    {
        var (estimate, problem) = RatioEstimator.TryEstimate(
            numerator.Launches(),
            numerator.Repeats.Select(pick).ToArray(),
            denominator.Launches(),
            denominator.Repeats.Select(pick).ToArray(),
            settings);
        return estimate is null
            ? VerdictRules.Undecided(metric, problem!)
            : VerdictRules.Compare(metric, estimate, settings.ConfidenceLevel, settings, higherIsBetter);
    }

    /// <summary>(better-when-larger ÷ other − 1) × 100, the seed's percentage columns.</summary>
    private static double? AdvantagePct(double? numerator, double? denominator) =>
        numerator is { } n && denominator is { } d && d > 0 ? (n / d - 1) * 100 : null;
}
