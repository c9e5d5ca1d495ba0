using Xunit.Abstractions;

namespace Faceoff.Statistics.Tests;

public sealed class FamilyVerdictsTests(ITestOutputHelper output)
{
    private static readonly StatisticsSettings Settings = StatisticsSettings.Default;

    // A normal-like estimate: z = LogRatio with standard error 1 and huge df.
    private static LogRatioEstimate Z(double z)
    {
        var side = new VarianceComponents(3, 9, 0, null, null, 0.5, 1_000_000);
        return new LogRatioEstimate(z, 1, 1e7, true, side, side, new LaunchDesign(null, null, 0.05, 1, "n/a"));
    }

    [Fact]
    public void Holm_steps_down_until_the_first_row_that_fails_its_level()
    {
        var settings = Settings with { EquivalenceBand = 0 };
        // Two-sided normal p: z 3.0 → 0.0027, z 2.1 → 0.0357, z 2.0 → 0.0455.
        LogRatioEstimate?[] family = [Z(2.0), null, Z(-3.0), Z(2.1)];

        var result = FamilyVerdicts.Holm(family, settings);

        Assert.Null(result[1]);
        var first = result[2]!;
        Assert.Equal((3, 1, true), (first.FamilySize, first.Rank, first.Rejected));
        Assert.Equal(1 - 0.05 / 3, first.ConfidenceLevel, 12);
        Assert.Equal(3 * first.PValue, first.AdjustedPValue, 12);
        // 0.0357 ≥ 0.05/2: Holm stops at rank 2; the rest are read at the level of that step.
        var second = result[3]!;
        Assert.Equal((2, false), (second.Rank, second.Rejected));
        Assert.Equal(1 - 0.05 / 2, second.ConfidenceLevel, 12);
        Assert.Equal(2 * second.PValue, second.AdjustedPValue, 12);
        var third = result[0]!;
        Assert.Equal((3, false), (third.Rank, third.Rejected));
        Assert.Equal(1 - 0.05 / 2, third.ConfidenceLevel, 12);
        Assert.Equal(second.AdjustedPValue, third.AdjustedPValue, 12);
        Assert.Equal(Verdict.CandidateFaster, third.UnadjustedVerdict);
    }

    [Fact]
    public void A_row_Holm_rejects_reports_an_interval_beyond_the_band_and_the_others_do_not()
    {
        var settings = Settings with { EquivalenceBand = 0 };
        LogRatioEstimate?[] family = [Z(3.0), Z(2.6), Z(2.1)];

        var result = FamilyVerdicts.Holm(family, settings);

        Assert.All(result.Zip(family), pair =>
        {
            var interval = pair.Second!.IntervalAt(pair.First!.ConfidenceLevel);
            Assert.Equal(pair.First.Rejected, interval.Lower > 1);
            Assert.Equal(pair.First.Rejected, pair.First.AdjustedPValue < 0.05);
        });
        Assert.Equal([true, true, true], result.Select(r => r!.Rejected));
    }

    [Fact]
    public void Adjust_rewrites_each_rows_verdicts_from_its_widened_interval()
    {
        var random = new Random(5);
        var clear = ComparisonCalculator.Compare("p",
            Synthetic.Cell(random, "a", new Shape(Rps: 20_000, Noise: 0.01)),
            Synthetic.Cell(random, "b", new Shape(Noise: 0.01)), true, Settings);
        var borderline = ComparisonCalculator.Compare("p",
            Synthetic.ExactCell("a", Synthetic.Exact(1130), Synthetic.Exact(1100), Synthetic.Exact(1160)),
            Synthetic.ExactCell("b", Synthetic.Exact(1000), Synthetic.Exact(1000), Synthetic.Exact(1001)), true, Settings);
        var unpublishable = ComparisonCalculator.Compare("p",
            Synthetic.Cell(random, "a", new Shape(Rps: 20_000, Noise: 0.01)),
            Synthetic.Cell(random, "b", new Shape(Noise: 0.01)), parityVerified: false, Settings);
        var tooFew = ComparisonCalculator.Compare("p",
            Synthetic.ExactCell("a", Synthetic.Exact(1000)), Synthetic.ExactCell("b", Synthetic.Exact(1000)), true, Settings);
        var same = ComparisonCalculator.Compare("p",
            Synthetic.Cell(random, "a", new Shape(Noise: 0.01)),
            Synthetic.Cell(random, "b", new Shape(Noise: 0.01)), true, Settings);
        Assert.Equal(Verdict.CandidateFaster, borderline.Verdict);
        ComparisonRow[] rows = [clear, borderline, .. Enumerable.Repeat(same, 30), unpublishable, tooFew];

        var adjusted = FamilyVerdicts.Adjust(rows, Settings);

        Assert.Equal(rows.Length, adjusted.Count);
        Assert.Equal(Verdict.CandidateFaster, adjusted[0].Verdict);
        Assert.Equal(Verdict.Inconclusive, adjusted[1].Verdict);
        Assert.Equal(Verdict.CandidateFaster, adjusted[1].Throughput.Family!.UnadjustedVerdict);
        Assert.Equal(Verdict.NotPublishable, adjusted[^2].Verdict);
        Assert.Equal(Verdict.CandidateFaster, adjusted[^2].StatisticalVerdict);
        Assert.Same(tooFew.Throughput, adjusted[^1].Throughput);
        Assert.Equal(rows.Length - 1, adjusted[0].Throughput.Family!.FamilySize);
        foreach (var row in adjusted.Take(rows.Length - 1))
        {
            foreach (var (comparison, higher) in new[] { (row.Throughput, true), (row.LatencyP50, false), (row.LatencyP95, false), (row.LatencyP99, false) })
            {
                Assert.Equal(VerdictRules.Classify(comparison.Ratio!, Settings.EquivalenceBand, higher), comparison.Verdict);
                Assert.True(comparison.Family!.ConfidenceLevel >= Settings.ConfidenceLevel);
                Assert.Contains("Holm, rank", comparison.Explanation, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.0)]
    public void Aa_campaigns_of_35_rows_rarely_show_any_false_faster_or_slower_row_with_Holm(double band)
    {
        const int campaigns = 1_000;
        const int rows = 35;
        var settings = Settings with { EquivalenceBand = band };
        var simulation = new LaunchSimulation(31337);
        var anyPerRow = 0;
        var anyHolm = 0;
        var falseRowsPerRow = 0;
        for (var c = 0; c < campaigns; c++)
        {
            var family = Enumerable.Range(0, rows)
                .Select(_ => (LogRatioEstimate?)simulation.Estimate(1, 3, 3, 0.06, 0.03, settings))
                .ToArray();
            var perRow = family.Count(e => VerdictRules.Classify(e!.IntervalAt(settings.ConfidenceLevel), band, true)
                is Verdict.CandidateFaster or Verdict.CandidateSlower);
            falseRowsPerRow += perRow;
            anyPerRow += perRow > 0 ? 1 : 0;
            anyHolm += FamilyVerdicts.Holm(family, settings).Any(a => a!.Rejected) ? 1 : 0;
        }
        var perRowRate = anyPerRow / (double)campaigns;
        var holmRate = anyHolm / (double)campaigns;

        output.WriteLine(
            $"A/A, band ±{band:P0}, {campaigns} campaigns × {rows} rows (L=3, R=3, σ_b=0.06, σ_w=0.03): "
            + $"campaigns with ≥1 false faster/slower row: per-row rule {perRowRate:P1} ({falseRowsPerRow / (double)campaigns:0.00} false rows per campaign), Holm {holmRate:P1}");
        // Holm bounds the family-wise rate by 5%; the slack is two binomial standard errors of 1,000 campaigns.
        Assert.True(holmRate <= 0.05 + 2 * Math.Sqrt(0.05 * 0.95 / campaigns), $"Holm {holmRate:P1}");
        // Measured 14% (band ±5%) and 72% (band 0) per-row against 0.5% and 1.9% with Holm: the per-row rule
        // must stay well above the 5% family target, or this test would not show what Holm adds.
        Assert.True(perRowRate >= 2 * 0.05 && perRowRate >= 5 * holmRate, $"per-row {perRowRate:P1} vs Holm {holmRate:P1}");
    }
}
