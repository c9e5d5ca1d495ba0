namespace Faceoff.Statistics;

/// <summary>
/// Verdicts over all rows of a campaign with the false discovery rate controlled: the Benjamini–Hochberg
/// step-up on the per-row tests, applied by reading each row's verdict off its interval at a level the
/// procedure assigns (Benjamini–Yekutieli false-coverage-rate intervals).
/// </summary>
/// <remarks>
/// Why Benjamini–Hochberg and not Holm: a comparison of two frameworks usually has most rows truly
/// different, and Holm, which guards against even one false row among all of them, then widens every
/// interval towards Bonferroni's and leaves real differences inconclusive (measured on the default campaign:
/// 2–13 of 35 rows decided with Holm, 22–31 with BH, from the same passes). BH bounds the expected share
/// of false faster/slower rows among those that say so at α = 1 − level; when no row truly differs (an A/A
/// campaign) that share is 1 whenever any row says so, so BH then bounds the chance of any false row at α,
/// the same guarantee as Holm. It assumes independent or positively dependent rows (rows measured on one
/// machine share its drift, which is positive dependence).
/// How it applies to the band rule: per row, p is the two-sided p-value of "the ratio lies inside the
/// equivalence band" (twice the smaller one-sided p against the band edges); with rows ranked by p, the R
/// rows of the largest rank k with p₍ₖ₎ ≤ kα ÷ m say faster or slower, each reporting its interval at
/// level 1 − Rα ÷ m, which lies beyond the band. "No significant difference" is a second family over the
/// m − R remaining rows on the TOST p-value of "the ratio lies outside the band": BH again, the R′ rows it
/// selects report their interval at 1 − R′α ÷ (m − R), which lies inside the band. Every other row is
/// inconclusive and reports the wider of its intervals at 1 − kα ÷ m and 1 − jα ÷ (m − R) (k, j its ranks
/// in the two families): neither clears the band nor fits inside it, so the printed interval and the verdict
/// agree. The family is one metric over every row that has an estimate, publishable or not (a larger family
/// is the conservative side); throughput (the row verdict, which claims read) and each latency percentile
/// are separate families. A pure function: rows in, rows with adjusted verdicts out.
/// </remarks>
public static class FamilyVerdicts
{
    /// <summary>Name of the procedure, as the explanations and the methodology print it.</summary>
    public const string ProcedureName = "Benjamini–Hochberg";

    /// <summary>The same rows with every ratio's interval and verdict replaced by its family-wise version.</summary>
    public static IReadOnlyList<ComparisonRow> Adjust(IReadOnlyList<ComparisonRow> rows, StatisticsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureValid();
        var throughput = AdjustMetric(rows.Select(r => r.Throughput).ToArray(), settings, higherIsBetter: true);
        var p50 = AdjustMetric(rows.Select(r => r.LatencyP50).ToArray(), settings, higherIsBetter: false);
        var p95 = AdjustMetric(rows.Select(r => r.LatencyP95).ToArray(), settings, higherIsBetter: false);
        var p99 = AdjustMetric(rows.Select(r => r.LatencyP99).ToArray(), settings, higherIsBetter: false);
        return rows.Select((row, i) => row with
        {
            Throughput = throughput[i],
            LatencyP50 = p50[i],
            LatencyP95 = p95[i],
            LatencyP99 = p99[i],
            StatisticalVerdict = throughput[i].Verdict,
            Verdict = row.IsPublishable ? throughput[i].Verdict : Verdict.NotPublishable,
        }).ToArray();
    }

    /// <summary>
    /// The Benjamini–Hochberg step-up over one family of estimates (null = no estimate, left out of the
    /// family and of the result): each member's rank, p-values and the confidence level of its reported interval.
    /// </summary>
    /// <param name="higherIsBetter">True for throughput; false for latency (only the unadjusted verdict's direction depends on it).</param>
    public static IReadOnlyList<FamilyAdjustment?> BenjaminiHochberg(IReadOnlyList<LogRatioEstimate?> estimates, StatisticsSettings settings, bool higherIsBetter = true)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureValid();
        var band = settings.EquivalenceBand;
        var alpha = 1 - settings.ConfidenceLevel;
        var members = estimates
            .Select((estimate, index) => (estimate, index))
            .Where(m => m.estimate is not null)
            .Select(m => (estimate: m.estimate!, m.index, p: m.estimate!.DifferencePValue(band)))
            .OrderBy(m => m.p)
            .ThenBy(m => m.index)
            .ToArray();
        var size = members.Length;
        var result = new FamilyAdjustment?[estimates.Count];
        var differences = StepUp(members.Select(m => m.p).ToArray(), alpha);
        var adjusted = AdjustedPValues(members.Select(m => m.p).ToArray());

        // The rows BH did not call different form the equivalence family, ranked by their TOST p-values.
        var rest = members.Skip(differences)
            .Select(m => (m.index, q: m.estimate.EquivalencePValue(band)))
            .OrderBy(m => m.q)
            .ThenBy(m => m.index)
            .ToArray();
        var equivalent = StepUp(rest.Select(m => m.q).ToArray(), alpha);
        var equivalenceRank = rest.Select((m, j) => (m.index, j)).ToDictionary(m => m.index, m => m.j + 1);

        for (var k = 0; k < size; k++)
        {
            var (estimate, index, p) = members[k];
            double level;
            if (k < differences)
            {
                level = 1 - differences * alpha / size;
            }
            else
            {
                var j = equivalenceRank[index];
                level = j <= equivalent
                    ? 1 - equivalent * alpha / rest.Length
                    : Math.Max(1 - (k + 1) * alpha / size, 1 - j * alpha / rest.Length);
            }
            var nominal = estimate.IntervalAt(settings.ConfidenceLevel);
            result[index] = new FamilyAdjustment(
                size,
                k + 1,
                p,
                adjusted[k],
                level,
                k < differences,
                nominal,
                VerdictRules.Classify(nominal, band, higherIsBetter));
        }
        return result;
    }

    // BH step-up on ascending p-values: the largest k with p₍ₖ₎ ≤ kα ÷ m (0 when none).
    private static int StepUp(double[] ascending, double alpha)
    {
        for (var k = ascending.Length; k >= 1; k--)
        {
            if (ascending[k - 1] <= k * alpha / ascending.Length)
            {
                return k;
            }
        }
        return 0;
    }

    // BH-adjusted p-values on ascending p-values: min over j ≥ k of min(1, m · p₍ⱼ₎ ÷ j).
    private static double[] AdjustedPValues(double[] ascending)
    {
        var m = ascending.Length;
        var adjusted = new double[m];
        var running = 1.0;
        for (var k = m; k >= 1; k--)
        {
            running = Math.Min(running, Math.Min(1, m * ascending[k - 1] / k));
            adjusted[k - 1] = running;
        }
        return adjusted;
    }

    private static RatioComparison[] AdjustMetric(IReadOnlyList<RatioComparison> comparisons, StatisticsSettings settings, bool higherIsBetter)
    {
        var family = BenjaminiHochberg(comparisons.Select(c => c.Estimate).ToArray(), settings, higherIsBetter);
        return comparisons.Select((comparison, i) =>
        {
            if (family[i] is not { } adjustment)
            {
                return comparison;
            }
            var adjusted = VerdictRules.Compare(comparison.Metric, comparison.Estimate!, adjustment.ConfidenceLevel, settings, higherIsBetter);
            return adjusted with
            {
                Explanation = $"{adjusted.Explanation} ({ProcedureName}, rank {adjustment.Rank} of {adjustment.FamilySize} rows)",
                Family = adjustment,
            };
        }).ToArray();
    }
}
