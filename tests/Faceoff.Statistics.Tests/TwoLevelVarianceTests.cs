namespace Faceoff.Statistics.Tests;

public sealed class TwoLevelVarianceTests
{
    private static readonly StatisticsSettings Settings = StatisticsSettings.Default;

    private static double[] Exp(params double[] logs) => logs.Select(v => Math.Exp(v)).ToArray();

    [Fact]
    public void Components_match_a_hand_computed_one_way_anova()
    {
        // ln values {1,3} and {5,7}: MS_within 2, MS_between 16, n0 2 → σ²_b (16 − 2)/2 = 7; S²(launch means) 8.
        var components = TwoLevelVariance.Estimate([0, 0, 1, 1], Exp(1, 3, 5, 7));

        Assert.Equal(2, components.Launches);
        Assert.Equal(4, components.Repeats);
        Assert.Equal(4, components.GrandLogMean, 12);
        Assert.Equal(2, components.WithinVariance!.Value, 12);
        Assert.Equal(7, components.BetweenVariance!.Value, 12);
        Assert.Equal(4, components.VarianceOfMean, 12);
        Assert.Equal(1, components.DegreesOfFreedom);
        Assert.True(components.CoversLaunchVariance);
    }

    [Fact]
    public void Between_launch_variance_is_truncated_at_zero()
    {
        var components = TwoLevelVariance.Estimate([0, 0, 1, 1], Exp(1, 3, 1, 3));

        Assert.Equal(0, components.BetweenVariance!.Value);
        Assert.Equal(2, components.WithinVariance!.Value, 12);
    }

    [Fact]
    public void Unbalanced_launches_use_the_unweighted_mean_of_launch_means()
    {
        var components = TwoLevelVariance.Estimate([0, 1, 1, 1], Exp(0, 3, 3, 3));

        Assert.Equal(1.5, components.GrandLogMean, 12);
        Assert.Equal(0, components.WithinVariance!.Value, 12);
        Assert.Equal(4.5 / 2, components.VarianceOfMean, 12);
    }

    [Fact]
    public void One_launch_gives_the_per_repeat_interval_and_says_it_cannot_cover_launch_variance()
    {
        double[] candidate = [105, 110, 108];
        double[] reference = [100, 99, 102];

        var (estimate, problem) = RatioEstimator.TryEstimate([0, 0, 0], candidate, [0, 0, 0], reference, Settings);

        Assert.Null(problem);
        Assert.False(estimate!.CoversLaunchVariance);
        Assert.NotNull(estimate.Design.Problem);
        var row = ComparisonCalculator.Compare(
            "p",
            Synthetic.ExactCell("a", [.. candidate.Select(v => Synthetic.Exact(v))]),
            Synthetic.ExactCell("b", [.. reference.Select(v => Synthetic.Exact(v))]),
            parityVerified: true,
            Settings);
        Assert.Equal(row.Throughput.Ratio, estimate.IntervalAt(0.95));
        Assert.False(row.Throughput.CoversLaunchVariance);
        // Welch by hand: df and interval of the per-repeat log means.
        var x = candidate.Select(v => Math.Log(v)).ToArray();
        var y = reference.Select(v => Math.Log(v)).ToArray();
        var vx = Variance(x) / 3;
        var vy = Variance(y) / 3;
        Assert.Equal(x.Average() - y.Average(), estimate.LogRatio, 12);
        Assert.Equal(Math.Sqrt(vx + vy), estimate.StandardError, 12);
        Assert.Equal((vx + vy) * (vx + vy) / (vx * vx / 2 + vy * vy / 2), estimate.DegreesOfFreedom, 9);
    }

    [Fact]
    public void Several_launches_build_the_interval_from_launch_means()
    {
        int[] launches = [0, 0, 1, 1, 2, 2];
        double[] candidate = [100, 102, 120, 118, 90, 91];
        double[] reference = [100, 101, 99, 100, 101, 102];

        var (estimate, _) = RatioEstimator.TryEstimate(launches, candidate, launches, reference, Settings);

        Assert.True(estimate!.CoversLaunchVariance);
        double[] LaunchMeans(double[] values) =>
            [.. Enumerable.Range(0, 3).Select(l => (Math.Log(values[2 * l]) + Math.Log(values[2 * l + 1])) / 2)];
        var mx = LaunchMeans(candidate);
        var my = LaunchMeans(reference);
        Assert.Equal(Math.Sqrt(Variance(mx) / 3 + Variance(my) / 3), estimate.StandardError, 12);
        var (perRepeat, _) = RatioEstimator.TryEstimate(new int[6], candidate, new int[6], reference, Settings);
        Assert.True(estimate.IntervalAt(0.95).Upper - estimate.IntervalAt(0.95).Lower
            > perRepeat!.IntervalAt(0.95).Upper - perRepeat.IntervalAt(0.95).Lower);
    }

    [Fact]
    public void A_single_launch_on_one_side_falls_back_on_both_sides()
    {
        var (estimate, _) = RatioEstimator.TryEstimate([0, 0, 1, 1], Exp(1, 1.1, 1.2, 1.3), [0, 0, 0, 0], Exp(1, 1.1, 1.2, 1.3), Settings);

        Assert.False(estimate!.CoversLaunchVariance);
        Assert.Equal(1, estimate.Numerator.Launches);
        Assert.Equal(0, estimate.LogRatio, 12);
    }

    [Fact]
    public void Design_picks_the_optimal_repeats_and_the_fewest_launches_reaching_the_target()
    {
        // √(cost · Σσ²_w / Σσ²_b) = √(4 · 0.02 / 0.005) = 4.
        var side = new VarianceComponents(3, 9, 0, 0.01, 0.0025, 0, 2);
        var settings = Settings with { LaunchCostInRepeats = 4 };

        var design = LaunchDesigner.Design(side, side, settings);

        Assert.Null(design.Problem);
        Assert.Equal(4, design.RepeatsPerLaunch);
        var perLaunch = 0.0025 + 0.01 / 4;
        double HalfWidth(int launches) =>
            new Perfolizer.Mathematics.Distributions.ContinuousDistributions.StudentDistribution(2 * (launches - 1)).Quantile(0.975)
            * Math.Sqrt(2 * perLaunch / launches);
        Assert.True(HalfWidth(design.Launches!.Value) <= Math.Log(1.05));
        Assert.True(HalfWidth(design.Launches.Value - 1) > Math.Log(1.05));
    }

    [Fact]
    public void Design_with_no_between_launch_variance_caps_the_repeats_per_launch()
    {
        var side = new VarianceComponents(3, 9, 0, 0.01, 0, 0, 2);

        var design = LaunchDesigner.Design(side, side, Settings);

        Assert.Equal(LaunchDesigner.MaxRepeatsPerLaunch, design.RepeatsPerLaunch);
        Assert.NotNull(design.Launches);
    }

    private static double Variance(double[] values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }
}
