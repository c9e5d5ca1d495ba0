namespace Faceoff.Statistics;

/// <summary>
/// The launch-level and family-wise parts of the method in plain sentences, for the methodology note to
/// print after <see cref="StatisticsMethod.Describe"/>.
/// </summary>
public static class TwoLevelMethod
{
    public static IReadOnlyList<string> Describe(StatisticsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string F(double value) => SideAnalyzer.Format(value);
        var level = F(settings.ConfidenceLevel * 100);
        var alpha = F((1 - settings.ConfidenceLevel) * 100);
        return
        [
            "Two levels of replication: a cell's repeats are spread over launches, each a fresh pair of server processes; JIT, GC heap layout and address-space layout differ between launches and are shared by every repeat of one launch.",
            "Variance components per side and metric, on ln(value): within-launch variance σ²_w pooled over launches, Σ(y − launch mean)² ÷ (N − L); between-launch variance σ²_b by the method of moments of the one-way random-effects ANOVA, (MS_between − MS_within) ÷ n₀ with n₀ = (N − Σnᵢ²/N) ÷ (L − 1), truncated at 0.",
            $"With two or more launches on both sides, as in Kalibera & Jones (Rigorous Benchmarking in Reasonable Time, ISMM 2013), the {level}% interval is built from launch means: each side's estimate is the mean of its launch means of ln(value), with variance S²(launch means) ÷ L, so repeats only tighten each launch mean; the two sides combine in a Welch–Satterthwaite t-interval with L − 1 degrees of freedom per side, exponentiated into an interval for the ratio of geometric means.",
            "With a single launch the interval is the per-repeat interval of one process pair: it cannot cover launch-to-launch variance, and every output says so.",
            $"Implied design: the repeats per launch R = ⌈√((launch cost ÷ repeat cost) · σ²_w ÷ σ²_b)⌉ (Kalibera & Jones' optimal repetition count; σ²s summed over both sides; launch cost {F(settings.LaunchCostInRepeats)} repeats, as this run measured it: the until-stable warmups of each launch shared over the cells they served plus each cell's fixed warmups, over one measured pass of both sides, server start-up not counted; R at most {LaunchDesigner.MaxRepeatsPerLaunch}), then the fewest launches L ≥ 2 whose expected interval half-width t · √((σ²_b + σ²_w ÷ R) summed over sides ÷ L) reaches ln(1 + {F(settings.TargetHalfWidth)}), i.e. ±{F(settings.TargetHalfWidth * 100)}%.",
            $"Family-wise error: the Benjamini–Hochberg step-up over all rows of the campaign bounds the expected share of false faster/slower rows among those that say so at {alpha}% (for independent or positively dependent rows; rows measured on one machine share its drift). When no row truly differs, as in an A/A campaign, any false row makes that share 1, so the chance of any false row is then bounded at {alpha}%, as Holm would bound it. Holm was not chosen because it guards every row against all the others: in the default campaign, where most rows truly differ, it decided 2–13 of 35 rows where BH decided 22–31, recomputed from the same passes of three runs.",
            "Per row, p is the two-sided p-value of \"the ratio lies inside the equivalence band\" (twice the smaller one-sided p against the band edges). Rows are ranked by p; the R rows up to the largest rank k with p ≤ kα ÷ m say faster or slower and report their interval at level 1 − Rα ÷ m (Benjamini–Yekutieli false-coverage-rate intervals), which lies beyond the band. The remaining m − R rows form the family for \"no significant difference\", on the TOST p-value of \"the ratio lies outside the band\": the R′ rows BH selects there report their interval at 1 − R′α ÷ (m − R), which lies inside the band. Every other row is inconclusive and reports the wider of its intervals at 1 − kα ÷ m and 1 − jα ÷ (m − R) (k and j its ranks in the two families), which neither clears the band nor fits inside it. The reported interval is the one the verdict was read from.",
            "Throughput (the row verdict, which the claims read) and each latency percentile form separate families of every row with an estimate, publishable or not. Claims apply their per-step rules to these family-wise verdicts.",
        ];
    }
}
