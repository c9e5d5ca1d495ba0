using Xunit.Abstractions;

namespace Faceoff.Statistics.Tests;

/// <summary>
/// With launch-to-launch variance twice the repeat-to-repeat variance, the interval from launch means
/// must keep its promised coverage, where the per-repeat interval of today (all repeats treated as
/// independent) must not: the reason launches exist.
/// </summary>
public sealed class LaunchCoverageTests(ITestOutputHelper output)
{
    private const int Simulations = 2_000;
    private const double SigmaWithin = 0.03;
    private const double SigmaBetween = 2 * SigmaWithin;
    private const int Repeats = 3;
    private static readonly StatisticsSettings Settings = StatisticsSettings.Default;

    private static (double New, double Old) Coverage(int seed, int launches, double trueRatio)
    {
        var coveredNew = 0;
        var coveredOld = 0;
        for (var i = 0; i < Simulations; i++)
        {
            // The same simulated campaign read both ways, so the two figures differ only by the method.
            var state = new LaunchSimulation(seed * 7919 + i);
            if (state.Estimate(trueRatio, launches, Repeats, SigmaBetween, SigmaWithin, Settings).IntervalAt(0.95).Contains(trueRatio))
            {
                coveredNew++;
            }
            var again = new LaunchSimulation(seed * 7919 + i);
            if (again.Estimate(trueRatio, launches, Repeats, SigmaBetween, SigmaWithin, Settings, ignoreLaunches: true).IntervalAt(0.95).Contains(trueRatio))
            {
                coveredOld++;
            }
        }
        return (coveredNew / (double)Simulations, coveredOld / (double)Simulations);
    }

    [Theory]
    [InlineData(3, 1.0)]
    [InlineData(4, 1.0)]
    [InlineData(5, 1.0)]
    [InlineData(3, 1.5)]
    public void Launch_mean_interval_keeps_its_coverage_where_the_per_repeat_interval_does_not(int launches, double trueRatio)
    {
        var (coverageNew, coverageOld) = Coverage(20261201 + launches + (int)(trueRatio * 100), launches, trueRatio);

        output.WriteLine(
            $"σ_w={SigmaWithin} σ_b={SigmaBetween} L={launches} R={Repeats} true ratio={trueRatio}, {Simulations} simulated cells: "
            + $"coverage of the 95% launch-mean interval {coverageNew:P1}, of the per-repeat interval {coverageOld:P1}");
        Assert.True(coverageNew >= 0.93, $"launch-mean interval covered {coverageNew:P1}");
        // Expected for the per-repeat interval: its standard error misses most of σ_b²/L, about 0.55 of the
        // true one here, so it covers near P(|Z| < 1.2) ≈ 77%; 85% is well below 95% and far above that.
        Assert.True(coverageOld <= 0.85, $"per-repeat interval covered {coverageOld:P1}");
    }

    [Fact]
    public void Without_launch_variance_the_launch_mean_interval_still_covers()
    {
        var covered = 0;
        for (var i = 0; i < Simulations; i++)
        {
            var estimate = new LaunchSimulation(4242 + i).Estimate(1, 3, Repeats, 0, SigmaWithin, Settings);
            covered += estimate.IntervalAt(0.95).Contains(1) ? 1 : 0;
        }
        var coverage = covered / (double)Simulations;

        output.WriteLine($"σ_b=0 σ_w={SigmaWithin} L=3 R={Repeats}: coverage {coverage:P1}");
        Assert.InRange(coverage, 0.93, 0.98);
    }

    [Fact]
    public void Variance_components_recover_the_injected_variances_on_average()
    {
        var simulation = new LaunchSimulation(77);
        var within = new List<double>();
        var between = new List<double>();
        for (var i = 0; i < Simulations; i++)
        {
            var (launches, values) = simulation.Side(1_000, 5, Repeats, SigmaBetween, SigmaWithin);
            var components = TwoLevelVariance.Estimate(launches, values);
            within.Add(components.WithinVariance!.Value);
            between.Add(components.BetweenVariance!.Value);
        }

        output.WriteLine($"mean σ²_w {within.Average():E3} (true {SigmaWithin * SigmaWithin:E3}), mean σ²_b {between.Average():E3} (true {SigmaBetween * SigmaBetween:E3}, truncation at 0 biases it up)");
        Assert.InRange(within.Average(), 0.95 * SigmaWithin * SigmaWithin, 1.05 * SigmaWithin * SigmaWithin);
        Assert.InRange(between.Average(), 0.9 * SigmaBetween * SigmaBetween, 1.15 * SigmaBetween * SigmaBetween);
    }
}
