namespace Faceoff.Statistics.Tests;

/// <summary>
/// Simulated identical servers (A/A) must not produce a winner more than 5% of the time; the same
/// harness with a real shift must find it, so the property cannot pass by never deciding.
/// </summary>
public sealed class AaPropertyTests
{
    private const int Simulations = 1_000;

    // Realistic small campaign: 3 repeats × 5 full seconds, 3% noise; stability guard off to test the statistics alone.
    private static readonly Shape Realistic = new(Noise: 0.03, Repeats: 3, FullSeconds: 5);
    private static readonly StatisticsSettings Settings = StatisticsSettings.Default with { MaxCv = 10 };

    private static List<ComparisonRow> Simulate(int seed, Shape candidate, Shape reference)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, Simulations)
            .Select(_ => ComparisonCalculator.Compare(
                "aa",
                Synthetic.Cell(random, "a", candidate),
                Synthetic.Cell(random, "b", reference),
                parityVerified: true,
                Settings))
            .ToList();
    }

    private static double Share(IEnumerable<Verdict> verdicts, params Verdict[] accepted) =>
        verdicts.Count(accepted.Contains) / (double)Simulations;

    [Theory]
    [InlineData(0.03)]
    [InlineData(0.10)]
    [InlineData(0.30)]
    public void Identical_distributions_are_no_difference_or_inconclusive_at_least_95_percent_of_the_time(double noise)
    {
        var shape = Realistic with { Noise = noise };

        var rows = Simulate(seed: 20260101, shape, shape);

        Verdict[] undecided = [Verdict.NoSignificantDifference, Verdict.Inconclusive];
        Assert.True(Share(rows.Select(r => r.Verdict), undecided) >= 0.95);
        Assert.True(Share(rows.Select(r => r.LatencyP50.Verdict), undecided) >= 0.95);
        Assert.True(Share(rows.Select(r => r.LatencyP95.Verdict), undecided) >= 0.95);
        Assert.True(Share(rows.Select(r => r.LatencyP99.Verdict), undecided) >= 0.95);
    }

    [Fact]
    public void Identical_distributions_intervals_contain_one_about_as_often_as_their_level_promises()
    {
        var rows = Simulate(seed: 20260102, Realistic, Realistic);

        var covered = rows.Count(r => r.Throughput.Ratio!.Contains(1)) / (double)Simulations;
        Assert.InRange(covered, 0.93, 0.99);
    }

    [Fact]
    public void The_same_harness_detects_a_real_twenty_percent_shift()
    {
        var rows = Simulate(seed: 20260103, Realistic.Scaled(1.2, 1 / 1.2), Realistic);

        Assert.True(Share(rows.Select(r => r.Verdict), Verdict.CandidateFaster) >= 0.8);
        Assert.True(Share(rows.Select(r => r.LatencyP50.Verdict), Verdict.CandidateFaster) >= 0.8);
        Assert.True(Share(rows.Select(r => r.Verdict), Verdict.CandidateSlower) == 0);
    }
}
