namespace Faceoff.Statistics;

/// <summary>Where one row's metric stands in the campaign's family of tests under Holm's step-down.</summary>
/// <param name="FamilySize">m: rows of the campaign that have an estimate for this metric.</param>
/// <param name="Rank">1-based rank of <see cref="PValue"/> among the family (smallest first; ties by row order).</param>
/// <param name="PValue">Unadjusted two-sided p-value of "the ratio lies inside the equivalence band" (<see cref="LogRatioEstimate.DifferencePValue"/>).</param>
/// <param name="AdjustedPValue">Holm-adjusted p-value: max over ranks j ≤ k of min(1, (m − j + 1) · p₍ⱼ₎).</param>
/// <param name="ConfidenceLevel">The level of the row's reported interval: 1 − α ÷ (m − k + 1) for a row Holm rejected at rank k, 1 − α ÷ (m − r) for the others, r being the number rejected.</param>
/// <param name="Rejected">True when Holm rejected "inside the band": the row may say faster or slower.</param>
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
