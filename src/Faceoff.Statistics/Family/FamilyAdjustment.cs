namespace Faceoff.Statistics;

/// <summary>Where one row's metric stands in the campaign's family of tests under the Benjamini–Hochberg step-up.</summary>
/// <param name="FamilySize">m: rows of the campaign that have an estimate for this metric.</param>
/// <param name="Rank">1-based rank of <see cref="PValue"/> among the family (smallest first; ties by row order).</param>
/// <param name="PValue">Unadjusted two-sided p-value of "the ratio lies inside the equivalence band" (<see cref="LogRatioEstimate.DifferencePValue"/>).</param>
/// <param name="AdjustedPValue">BH-adjusted p-value: min over ranks j ≥ k of min(1, m · p₍ⱼ₎ ÷ j).</param>
/// <param name="ConfidenceLevel">The level of the row's reported interval: 1 − Rα ÷ m for the R rows called different, 1 − R′α ÷ (m − R) for the R′ called equivalent, the wider of 1 − kα ÷ m and 1 − jα ÷ (m − R) for the others (see <see cref="FamilyVerdicts"/>).</param>
/// <param name="Rejected">True when BH rejected "inside the band": the row may say faster or slower.</param>
/// <param name="UnadjustedRatio">The per-row interval at the nominal level, kept for reference.</param>
/// <param name="UnadjustedVerdict">What the per-row interval alone said.</param>
public sealed record FamilyAdjustment(
    int FamilySize,
    int Rank,
    double PValue,
    double AdjustedPValue,
    double ConfidenceLevel,
    bool Rejected,
    Interval UnadjustedRatio,
    Verdict UnadjustedVerdict);
