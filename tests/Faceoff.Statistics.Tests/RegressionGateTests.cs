using Faceoff.Statistics.Regression;

namespace Faceoff.Statistics.Tests;

public sealed class RegressionGateTests
{
    private static readonly RegressionPolicy Policy = RegressionPolicy.ArlenDefault;

    private static GateReport Gate(int seed, Shape baseline, Shape current)
    {
        var random = new Random(seed);
        return RegressionGate.Evaluate(
            [Synthetic.Cell(random, "aspnet", baseline)],
            [Synthetic.Cell(random, "aspnet", current)],
            Policy,
            StatisticsSettings.Default);
    }

    [Fact]
    public void Thirty_percent_throughput_drop_with_low_noise_is_a_regression()
    {
        var baseline = new Shape(Noise: 0.01);

        var report = Gate(1, baseline, baseline.Scaled(0.7, 1));

        Assert.False(report.Passed);
        var row = Assert.Single(report.Rows);
        Assert.Equal(GateStatus.Regression, row.Status);
        Assert.Equal(GateStatus.Regression, row.Throughput!.Status);
        Assert.True(row.Throughput.Ratio!.Upper < Policy.ThroughputFloorRatio);
        Assert.Equal(GateStatus.Pass, row.LatencyP95!.Status);
        var failure = Assert.Single(report.Failures);
        Assert.StartsWith("aspnet/api_status/c=8: throughput current/baseline 0.6", failure);
        Assert.EndsWith("entirely below the floor 0.75", failure);
    }

    [Fact]
    public void Thirty_percent_throughput_drop_buried_in_forty_percent_noise_is_not_flagged()
    {
        var baseline = new Shape(Noise: 0.4);

        var report = Gate(2, baseline, baseline.Scaled(0.7, 1));

        Assert.True(report.Passed);
        var row = Assert.Single(report.Rows);
        Assert.NotEqual(GateStatus.Regression, row.Throughput!.Status);
        Assert.True(row.Throughput.Ratio!.Upper >= Policy.ThroughputFloorRatio);
    }

    [Fact]
    public void Latency_p95_past_the_limit_regresses_and_a_small_rise_passes()
    {
        var baseline = new Shape(Noise: 0.01);

        var slower = Gate(3, baseline, baseline.Scaled(1, 1.5));
        var slightly = Gate(4, baseline, baseline.Scaled(1, 1.05));

        Assert.Equal(GateStatus.Regression, slower.Rows[0].LatencyP95!.Status);
        Assert.False(slower.Passed);
        Assert.Equal(GateStatus.Pass, slightly.Rows[0].LatencyP95!.Status);
        Assert.True(slightly.Passed);
    }

    [Theory]
    [InlineData(50_000, 100_000, GateStatus.Regression)] // +50,000 KiB and ×2: past both allowances
    [InlineData(50_000, 60_000, GateStatus.Pass)] // ×1.2 and only +10,000 KiB
    [InlineData(10_000, 30_000, GateStatus.Regression)] // +20,000 KiB and ×3
    [InlineData(100_000, 140_000, GateStatus.Pass)] // +40,000 KiB but only ×1.4: the relative allowance is larger
    [InlineData(4_000, 12_000, GateStatus.Pass)] // ×3 but only +8,000 KiB: the absolute allowance is larger
    public void Memory_regresses_only_past_both_the_absolute_and_the_relative_allowance(long baselineKib, long currentKib, GateStatus expected)
    {
        var report = Gate(5, new Shape(RssKib: baselineKib), new Shape(RssKib: currentKib));

        Assert.Equal(expected, report.Rows[0].Memory!.Status);
        // RSS carries 1% noise per repeat.
        var tolerance = 0.05 * currentKib;
        Assert.InRange(report.Rows[0].MemoryGrowthKib!.Value, currentKib - baselineKib - tolerance, currentKib - baselineKib + tolerance);
    }

    [Fact]
    public void Missing_failed_and_new_cells_are_reported_in_a_stable_order()
    {
        var random = new Random(6);
        var shape = new Shape(Noise: 0.01);
        SideMeasurements Cell(string profile, int concurrency, string? failure = null) =>
            Synthetic.Cell(random, profile, shape, concurrency: concurrency, failure: failure);

        var report = RegressionGate.Evaluate(
            [Cell("fastapi", 4), Cell("aspnet", 32), Cell("aspnet", 4), Cell("aspnet", 8)],
            [Cell("aspnet", 16), Cell("aspnet", 4), Cell("aspnet", 8, "server exited with code 139"), Cell("fastapi", 4)],
            Policy,
            StatisticsSettings.Default);

        Assert.Equal(
            [("aspnet/api_status/c=4", GateStatus.Pass),
             ("aspnet/api_status/c=8", GateStatus.Failed),
             ("aspnet/api_status/c=16", GateStatus.NoBaseline),
             ("aspnet/api_status/c=32", GateStatus.Missing),
             ("fastapi/api_status/c=4", GateStatus.Pass)],
            report.Rows.Select(r => (r.Key.ToString(), r.Status)));
        Assert.False(report.Passed);
        Assert.Equal(2, report.Failures.Count);
    }

    [Fact]
    public void Too_few_repeats_cannot_show_a_regression()
    {
        var baseline = new Shape(Noise: 0.01, Repeats: 2);

        var report = Gate(7, baseline, baseline.Scaled(0.5, 2));

        Assert.True(report.Passed);
        Assert.Equal(GateStatus.InsufficientData, report.Rows[0].Status);
        Assert.Contains("too few repeats", report.Rows[0].Explanation);
    }
}
