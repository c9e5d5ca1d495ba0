namespace Faceoff.Statistics;

public enum Verdict
{
    CandidateFaster,
    CandidateSlower,
    NoSignificantDifference,
    Inconclusive,

    /// <summary>The data behind the row (parity, stability, errors, contract) cannot back any verdict.</summary>
    NotPublishable,
}

/// <summary>A candidate / reference (or current / baseline) ratio with its interval and what it says.</summary>
public sealed record RatioComparison(string Metric, Interval? Ratio, Verdict Verdict, string Explanation)
{
    /// <summary>What the interval was computed from (variance components per side, launch design); null without a ratio.</summary>
    public LogRatioEstimate? Estimate { get; init; }

    /// <summary>Set once the row went through <see cref="FamilyVerdicts"/>: its rank and adjusted level in the campaign's family.</summary>
    public FamilyAdjustment? Family { get; init; }

    /// <summary>False when the interval came from a single launch: it cannot cover launch-to-launch variance.</summary>
    public bool CoversLaunchVariance => Estimate?.CoversLaunchVariance ?? false;
}

/// <summary>Turns a ratio interval into a verdict against the equivalence band [1 − band, 1 + band].</summary>
public static class VerdictRules
{
    /// <param name="higherIsBetter">True for throughput; false for latency, where a lower candidate value is faster.</param>
    public static Verdict Classify(Interval ratio, double band, bool higherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(ratio);
        var bandLow = 1 - band;
        var bandHigh = 1 + band;
        if (ratio.Lower >= bandLow && ratio.Upper <= bandHigh)
        {
            return Verdict.NoSignificantDifference;
        }
        if (ratio.Lower > bandHigh)
        {
            return higherIsBetter ? Verdict.CandidateFaster : Verdict.CandidateSlower;
        }
        if (ratio.Upper < bandLow)
        {
            return higherIsBetter ? Verdict.CandidateSlower : Verdict.CandidateFaster;
        }
        return Verdict.Inconclusive;
    }

    internal static RatioComparison Compare(
        string metric,
        LogRatioEstimate estimate,
        double confidenceLevel,
        StatisticsSettings settings,
        bool higherIsBetter) =>
        Compare(metric, estimate.IntervalAt(confidenceLevel), confidenceLevel, settings, higherIsBetter) with { Estimate = estimate };

    private static RatioComparison Compare(string metric, Interval ratio, double confidenceLevel, StatisticsSettings settings, bool higherIsBetter)
    {
        var verdict = Classify(ratio, settings.EquivalenceBand, higherIsBetter);
        var band = $"[{SideAnalyzer.Format(1 - settings.EquivalenceBand)}, {SideAnalyzer.Format(1 + settings.EquivalenceBand)}]";
        var where = verdict switch
        {
            Verdict.NoSignificantDifference => $"lies inside the equivalence band {band}",
            Verdict.Inconclusive => $"overlaps an edge of the equivalence band {band}",
            _ when ratio.Lower > 1 + settings.EquivalenceBand => $"lies entirely above the equivalence band {band}",
            _ => $"lies entirely below the equivalence band {band}",
        };
        var level = SideAnalyzer.Format(confidenceLevel * 100);
        return new RatioComparison(metric, ratio, verdict, $"{metric} ratio {ratio.Point:0.000} ({level}% CI {ratio.Lower:0.000}–{ratio.Upper:0.000}) {where}");
    }

    internal static RatioComparison Undecided(string metric, string reason) =>
        new(metric, null, Verdict.Inconclusive, $"{metric}: {reason}");
}
