namespace Faceoff.Statistics.Tests;

public sealed class ComparisonTests
{
    private static readonly StatisticsSettings Settings = StatisticsSettings.Default;

    private static ComparisonRow Compare(int seed, Shape candidate, Shape reference, bool parityVerified = true)
    {
        var random = new Random(seed);
        return ComparisonCalculator.Compare(
            "comparison_http",
            Synthetic.Cell(random, "aspnet", candidate),
            Synthetic.Cell(random, "fastapi", reference),
            parityVerified,
            Settings);
    }

    private static Verdict[] LatencyVerdicts(ComparisonRow row) =>
        [row.LatencyP50.Verdict, row.LatencyP95.Verdict, row.LatencyP99.Verdict];

    [Fact]
    public void Identical_distributions_with_low_noise_show_no_significant_difference()
    {
        var shape = new Shape(Noise: 0.01, Repeats: 5);

        var row = Compare(1, shape, shape);

        Assert.Equal(Verdict.NoSignificantDifference, row.Verdict);
        Assert.All(LatencyVerdicts(row), v => Assert.Equal(Verdict.NoSignificantDifference, v));
        Assert.True(row.Throughput.Ratio!.Contains(1));
    }

    [Fact]
    public void Twenty_percent_more_throughput_and_lower_latency_is_candidate_faster()
    {
        var reference = new Shape(Noise: 0.02);

        var row = Compare(2, reference.Scaled(1.2, 0.8), reference);

        Assert.Equal(Verdict.CandidateFaster, row.Verdict);
        Assert.All(LatencyVerdicts(row), v => Assert.Equal(Verdict.CandidateFaster, v));
        Assert.InRange(row.Throughput.Ratio!.Lower, 1.05, 1.2);
        Assert.InRange(row.ThroughputAdvantagePct!.Value, 15, 25);
        Assert.InRange(row.LatencyAdvantagePct!.Value, 18, 32);
    }

    [Fact]
    public void Twenty_percent_less_throughput_and_higher_latency_is_candidate_slower()
    {
        var reference = new Shape(Noise: 0.02);

        var row = Compare(3, reference.Scaled(0.8, 1.25), reference);

        Assert.Equal(Verdict.CandidateSlower, row.Verdict);
        Assert.All(LatencyVerdicts(row), v => Assert.Equal(Verdict.CandidateSlower, v));
        Assert.True(row.ThroughputAdvantagePct < 0);
        Assert.True(row.LatencyAdvantagePct < 0);
    }

    [Fact]
    public void For_latency_lower_is_faster_independently_of_throughput()
    {
        var reference = new Shape(Noise: 0.01, Repeats: 5);

        var row = Compare(4, reference.Scaled(1, 0.8), reference);

        Assert.Equal(Verdict.NoSignificantDifference, row.Verdict);
        Assert.All(LatencyVerdicts(row), v => Assert.Equal(Verdict.CandidateFaster, v));
        Assert.True(row.LatencyP50.Ratio!.Upper < 0.95);
    }

    [Fact]
    public void Thirty_percent_noise_is_inconclusive()
    {
        var reference = new Shape(Noise: 0.3);

        var row = Compare(5, reference.Scaled(1.1, 1), reference);

        // The row itself may also be unpublishable (30% noise can push a cell past the CV bound); the numbers alone must not decide.
        Assert.Equal(Verdict.Inconclusive, row.StatisticalVerdict);
        Assert.All(LatencyVerdicts(row), v => Assert.Equal(Verdict.Inconclusive, v));
        Assert.True(row.Throughput.Ratio!.Lower < 0.95 || row.Throughput.Ratio.Upper > 1.05);
        Assert.Contains("overlaps an edge", row.Throughput.Explanation);
    }

    [Fact]
    public void Too_few_repeats_is_inconclusive_with_the_reason()
    {
        var reference = new Shape(Noise: 0.01, Repeats: 2);

        var row = Compare(6, reference.Scaled(1.5, 0.5), reference);

        Assert.Equal(Verdict.Inconclusive, row.Verdict);
        Assert.Null(row.Throughput.Ratio);
        Assert.Contains("too few repeats (2 vs 2", row.Throughput.Explanation);
        Assert.InRange(row.ThroughputAdvantagePct!.Value, 40, 60);
    }

    [Fact]
    public void Advantage_percentages_follow_the_documented_formulas()
    {
        var candidate = Synthetic.ExactCell("aspnet", Synthetic.Exact(118, 790), Synthetic.Exact(120, 800), Synthetic.Exact(125, 810));
        var reference = Synthetic.ExactCell("fastapi", Synthetic.Exact(99, 990), Synthetic.Exact(100, 1_000), Synthetic.Exact(104, 1_020));

        var row = ComparisonCalculator.Compare("comparison_http", candidate, reference, parityVerified: true, Settings);

        Assert.Equal((120.0 / 100 - 1) * 100, row.ThroughputAdvantagePct!.Value, 9);
        Assert.Equal((1_000.0 / 800 - 1) * 100, row.LatencyAdvantagePct!.Value, 9);
        // The interval's point is the ratio of geometric means, the estimator the interval is built on.
        Assert.Equal(Math.Cbrt(118.0 * 120 * 125) / Math.Cbrt(99.0 * 100 * 104), row.Throughput.Ratio!.Point, 9);
        Assert.Equal(Math.Cbrt(790.0 * 800 * 810) / Math.Cbrt(990.0 * 1_000 * 1_020), row.LatencyP50.Ratio!.Point, 9);
    }

    [Fact]
    public void Interval_is_the_welch_t_interval_of_log_values()
    {
        // Logs 1, 2, 3 against 0, 1, 2: difference 1, standard error sqrt(2/3), Welch–Satterthwaite df 4, t(4, 0.975) = 2.776445.
        var candidate = Synthetic.ExactCell("aspnet", Synthetic.Exact(Math.E), Synthetic.Exact(Math.Exp(2)), Synthetic.Exact(Math.Exp(3)));
        var reference = Synthetic.ExactCell("fastapi", Synthetic.Exact(1), Synthetic.Exact(Math.E), Synthetic.Exact(Math.Exp(2)));

        var ratio = ComparisonCalculator.Compare("p", candidate, reference, true, Settings with { MaxCv = 10 }).Throughput.Ratio!;

        var halfWidth = 2.776445 * Math.Sqrt(2.0 / 3);
        Assert.Equal(Math.E, ratio.Point, 9);
        Assert.Equal(Math.Exp(1 - halfWidth), ratio.Lower, 5);
        Assert.Equal(Math.Exp(1 + halfWidth), ratio.Upper, 4);
    }

    [Fact]
    public void Unstable_candidate_cannot_win_and_keeps_the_statistical_verdict_beside_the_reason()
    {
        // Throughput CV 0.65 across repeats, yet every repeat is five times the reference.
        var candidate = Synthetic.ExactCell("aspnet", Synthetic.Exact(5_000), Synthetic.Exact(10_000), Synthetic.Exact(20_000));
        var reference = Synthetic.ExactCell("fastapi", Synthetic.Exact(1_000), Synthetic.Exact(1_010), Synthetic.Exact(990));

        var row = ComparisonCalculator.Compare("comparison_http", candidate, reference, parityVerified: true, Settings);

        Assert.Equal(Verdict.CandidateFaster, row.StatisticalVerdict);
        Assert.Equal(Verdict.NotPublishable, row.Verdict);
        var issue = Assert.Single(row.Issues);
        Assert.Equal(QualityIssueKind.Unstable, issue.Kind);
        Assert.StartsWith("candidate aspnet: unstable", issue.Message);
    }

    [Fact]
    public void Contract_violations_under_load_make_a_clear_win_not_publishable()
    {
        var reference = new Shape(Noise: 0.02);

        var row = Compare(7, reference.Scaled(1.2, 0.8) with { ContractViolations = 3 }, reference);

        Assert.Equal(Verdict.CandidateFaster, row.StatisticalVerdict);
        Assert.Equal(Verdict.NotPublishable, row.Verdict);
        Assert.Contains(row.Issues, i => i.Kind == QualityIssueKind.ContractViolations);
    }

    [Fact]
    public void Skipped_parity_gate_makes_every_row_not_publishable()
    {
        var shape = new Shape(Noise: 0.01, Repeats: 5);

        var row = Compare(8, shape, shape, parityVerified: false);

        Assert.Equal(Verdict.NoSignificantDifference, row.StatisticalVerdict);
        Assert.Equal(Verdict.NotPublishable, row.Verdict);
        Assert.Equal(QualityIssueKind.ParitySkipped, Assert.Single(row.Issues).Kind);
    }

    [Fact]
    public void Failed_reference_cell_is_not_publishable_and_inconclusive_without_data()
    {
        var random = new Random(9);
        var candidate = Synthetic.Cell(random, "aspnet", new Shape());
        var reference = new SideMeasurements(new SideKey("fastapi", "api_status", 8), [], "readiness timed out");

        var row = ComparisonCalculator.Compare("comparison_http", candidate, reference, parityVerified: true, Settings);

        Assert.Equal(Verdict.Inconclusive, row.StatisticalVerdict);
        Assert.Equal(Verdict.NotPublishable, row.Verdict);
        Assert.Null(row.ThroughputAdvantagePct);
        Assert.Contains(row.Issues, i => i.Kind == QualityIssueKind.CellFailed && i.Message.Contains("readiness"));
    }

    [Fact]
    public void Cells_of_different_steps_cannot_be_compared()
    {
        var random = new Random(10);
        var candidate = Synthetic.Cell(random, "aspnet", new Shape(), concurrency: 8);
        var reference = Synthetic.Cell(random, "fastapi", new Shape(), concurrency: 16);

        Assert.Throws<ArgumentException>(() => ComparisonCalculator.Compare("p", candidate, reference, true, Settings));
    }

    [Theory]
    [InlineData(0.96, 1.04, true, Verdict.NoSignificantDifference)]
    [InlineData(0.95, 1.05, true, Verdict.NoSignificantDifference)]
    [InlineData(1.06, 1.20, true, Verdict.CandidateFaster)]
    [InlineData(1.06, 1.20, false, Verdict.CandidateSlower)]
    [InlineData(0.80, 0.94, true, Verdict.CandidateSlower)]
    [InlineData(0.80, 0.94, false, Verdict.CandidateFaster)]
    [InlineData(1.02, 1.08, true, Verdict.Inconclusive)]
    [InlineData(0.90, 1.10, false, Verdict.Inconclusive)]
    public void Interval_against_band_gives_the_verdict(double lower, double upper, bool higherIsBetter, Verdict expected)
    {
        var verdict = VerdictRules.Classify(new Interval(lower, (lower + upper) / 2, upper), 0.05, higherIsBetter);

        Assert.Equal(expected, verdict);
    }
}
