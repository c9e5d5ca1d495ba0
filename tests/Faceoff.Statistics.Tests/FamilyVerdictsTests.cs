using Xunit.Abstractions;

namespace Faceoff.Statistics.Tests;

public sealed class FamilyVerdictsTests(ITestOutputHelper output)
{
    private static readonly StatisticsSettings Settings = StatisticsSettings.Default;

    // A normal-like estimate: LogRatio with the given standard error and huge df.
    private static LogRatioEstimate Est(double logRatio, double standardError)
    {
        var side = new VarianceComponents(3, 9, 0, null, null, 0.5, 1_000_000);
        return new LogRatioEstimate(logRatio, standardError, 1e7, true, side, side, new LaunchDesign(null, null, 0.05, 1, "n/a"));
    }

    private static LogRatioEstimate Z(double z) => Est(z, 1);

    [Fact]
    public void Bh_steps_up_and_rejects_rows_a_step_down_would_keep()
    {
        var settings = Settings with { EquivalenceBand = 0 };
        // Two-sided normal p: z 3.0 → 0.0027, z 2.1 → 0.0357, z 2.0 → 0.0455. Holm would stop at 0.0357 > 0.05/2;
        // BH takes the largest rank k with p₍ₖ₎ ≤ k·0.05/3, which is k = 3 (0.0455 ≤ 0.05).
        LogRatioEstimate?[] family = [Z(2.0), null, Z(-3.0), Z(2.1)];

        var result = FamilyVerdicts.BenjaminiHochberg(family, settings);

        Assert.Null(result[1]);
        Assert.Equal([3, 1, 2], new[] { result[0]!.Rank, result[2]!.Rank, result[3]!.Rank });
        Assert.All(new[] { result[0]!, result[2]!, result[3]! }, r =>
        {
            Assert.True(r.Rejected);
            Assert.Equal(3, r.FamilySize);
            // Every rejected row reports its interval at 1 − Rα ÷ m (false coverage-rate level), here R = m.
            Assert.Equal(1 - 3 * 0.05 / 3, r.ConfidenceLevel, 12);
        });
        // Adjusted p: min over j ≥ k of m·p₍ⱼ₎ ÷ j, so rank 2 (3·0.0357/2 = 0.054) takes rank 3's 0.0455.
        Assert.Equal(result[0]!.PValue, result[0]!.AdjustedPValue, 12);
        Assert.Equal(result[0]!.AdjustedPValue, result[3]!.AdjustedPValue, 12);
        Assert.Equal(3 * result[2]!.PValue, result[2]!.AdjustedPValue, 12);
        Assert.Equal(Verdict.CandidateSlower, result[2]!.UnadjustedVerdict);
    }

    [Fact]
    public void Each_rows_reported_interval_agrees_with_its_family_verdict()
    {
        var settings = Settings with { EquivalenceBand = 0.05 };
        // ln 1.05 = 0.0488: a clear difference, a clear equivalence, one in between, and a weak difference that
        // passes alone (p ≈ 0.03) but not as one of four.
        LogRatioEstimate?[] family = [Est(0.20, 0.01), Est(0.0, 0.01), Est(0.04, 0.02), Est(0.10, 0.024)];

        var result = FamilyVerdicts.BenjaminiHochberg(family, settings);

        var verdicts = result.Zip(family, (r, e) => VerdictRules.Classify(e!.IntervalAt(r!.ConfidenceLevel), 0.05, true)).ToArray();
        Assert.Equal([Verdict.CandidateFaster, Verdict.NoSignificantDifference, Verdict.Inconclusive, Verdict.Inconclusive], verdicts);
        Assert.Equal(Verdict.CandidateFaster, result[3]!.UnadjustedVerdict);
        Assert.Equal([true, false, false, false], result.Select(r => r!.Rejected));
        Assert.All(result, r => Assert.True(r!.ConfidenceLevel >= settings.ConfidenceLevel));
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
                Assert.Contains("Benjamini–Hochberg, rank", comparison.Explanation, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.0)]
    public void Aa_campaigns_of_35_rows_rarely_show_any_false_faster_or_slower_row_with_BH(double band)
    {
        const int campaigns = 1_000;
        const int rows = 35;
        var settings = Settings with { EquivalenceBand = band };
        var simulation = new LaunchSimulation(31337);
        var anyPerRow = 0;
        var anyBh = 0;
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
            anyBh += FamilyVerdicts.BenjaminiHochberg(family, settings).Any(a => a!.Rejected) ? 1 : 0;
        }
        var perRowRate = anyPerRow / (double)campaigns;
        var bhRate = anyBh / (double)campaigns;

        output.WriteLine(
            $"A/A, band ±{band:P0}, {campaigns} campaigns × {rows} rows (L=3, R=3, σ_b=0.06, σ_w=0.03): "
            + $"campaigns with ≥1 false faster/slower row: per-row rule {perRowRate:P1} ({falseRowsPerRow / (double)campaigns:0.00} false rows per campaign), BH {bhRate:P1}");
        // With no row truly different, any false row makes the false discovery proportion 1, so BH bounds the
        // chance of any false row by 5% like Holm would; the slack is two binomial standard errors of 1,000 campaigns.
        Assert.True(bhRate <= 0.05 + 2 * Math.Sqrt(0.05 * 0.95 / campaigns), $"BH {bhRate:P1}");
        // The per-row rule must stay well above the 5% family target, or this test would not show what BH adds.
        Assert.True(perRowRate >= 2 * 0.05 && perRowRate >= 5 * bhRate, $"per-row {perRowRate:P1} vs BH {bhRate:P1}");
    }
}
