namespace Faceoff.Statistics;

/// <summary>
/// Family-wise verdicts over all rows of a campaign: Holm's step-down procedure on the per-row tests,
/// applied by widening each row's interval to its Holm level and reading the verdict off it as before.
/// </summary>
/// <remarks>
/// Why Holm and not Benjamini–Hochberg: a published pack makes one statement per row ("faster",
/// "slower"), and a single false one is the error readers see; Holm controls the family-wise error rate
/// (the chance of at least one false faster/slower row) at α = 1 − level under any dependence between
/// rows, and is uniformly more powerful than Bonferroni. BH would only bound the expected share of false
/// rows. How it applies to the band rule: per row, p is the two-sided p-value of "the ratio lies inside
/// the equivalence band" (twice the smaller one-sided p against the band edges); rows are ranked by p,
/// and the row at rank k is tested with the interval at level 1 − α ÷ (m − k + 1): if that interval lies
/// wholly beyond the band, Holm rejects and the row says faster or slower, and the next rank is tried;
/// at the first rank whose interval does not clear the band the procedure stops, and every row not
/// rejected reports its interval at level 1 − α ÷ (m − r), r being the number rejected (the level Holm
/// would test it at next), with "no significant difference" only when that wider interval lies inside
/// the band, so equivalence is never claimed on a looser interval than a difference. The interval at
/// level γ clears the band exactly when p &lt; 1 − γ, so the p-values, the step-down and the printed
/// intervals agree. The family is one metric over every row that has an estimate, publishable or not
/// (a larger family is the conservative side); throughput (the row verdict, which claims read) and each
/// latency percentile are separate families. A pure function: rows in, rows with adjusted verdicts out.
/// </remarks>
public static class FamilyVerdicts
{
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
    /// Holm's step-down over one family of estimates (null = no estimate, left out of the family and of
    /// the result): each member's rank, p-values and the confidence level of its reported interval.
    /// </summary>
    /// <param name="higherIsBetter">True for throughput; false for latency (only the unadjusted verdict's direction depends on it).</param>
    public static IReadOnlyList<FamilyAdjustment?> Holm(IReadOnlyList<LogRatioEstimate?> estimates, StatisticsSettings settings, bool higherIsBetter = true)
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

        var rejected = 0;
        while (rejected < size && ClearsBand(members[rejected].estimate, 1 - alpha / (size - rejected), band))
        {
            rejected++;
        }
        var running = 0.0;
        for (var k = 0; k < size; k++)
        {
            var (estimate, index, p) = members[k];
            running = Math.Max(running, Math.Min(1, (size - k) * p));
            var level = k < rejected ? 1 - alpha / (size - k) : 1 - alpha / (size - rejected);
            var nominal = estimate.IntervalAt(settings.ConfidenceLevel);
            result[index] = new FamilyAdjustment(
                size,
                k + 1,
                p,
                running,
                level,
                k < rejected,
                nominal,
                VerdictRules.Classify(nominal, band, higherIsBetter));
        }
        return result;
    }

    private static RatioComparison[] AdjustMetric(IReadOnlyList<RatioComparison> comparisons, StatisticsSettings settings, bool higherIsBetter)
    {
        var family = Holm(comparisons.Select(c => c.Estimate).ToArray(), settings, higherIsBetter);
        return comparisons.Select((comparison, i) =>
        {
            if (family[i] is not { } adjustment)
            {
                return comparison;
            }
            var adjusted = VerdictRules.Compare(comparison.Metric, comparison.Estimate!, adjustment.ConfidenceLevel, settings, higherIsBetter);
            return adjusted with
            {
                Explanation = $"{adjusted.Explanation} (Holm, rank {adjustment.Rank} of {adjustment.FamilySize} rows)",
                Family = adjustment,
            };
        }).ToArray();
    }

    private static bool ClearsBand(LogRatioEstimate estimate, double level, double band) =>
        VerdictRules.Classify(estimate.IntervalAt(level), band, higherIsBetter: true)
            is Verdict.CandidateFaster or Verdict.CandidateSlower;
}
