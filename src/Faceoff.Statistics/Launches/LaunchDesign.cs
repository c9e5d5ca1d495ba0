using Perfolizer.Mathematics.Distributions.ContinuousDistributions;

namespace Faceoff.Statistics;

/// <summary>
/// How many launches and repeats per launch the measured variance components say would give a ratio
/// interval of ±<see cref="TargetHalfWidth"/>; null counts come with the <see cref="Problem"/> that
/// prevented them.
/// </summary>
/// <param name="RepeatsPerLaunch">Optimal R (Kalibera &amp; Jones' optimal repetition count), capped at <see cref="LaunchDesigner.MaxRepeatsPerLaunch"/>.</param>
/// <param name="Launches">Smallest L ≥ 2 whose expected interval half-width reaches the target with that R.</param>
public sealed record LaunchDesign(
    int? RepeatsPerLaunch,
    int? Launches,
    double TargetHalfWidth,
    double LaunchCostInRepeats,
    string? Problem);

/// <summary>
/// The measurement design implied by the variance components of both sides of a ratio.
/// </summary>
/// <remarks>
/// Kalibera &amp; Jones, "Rigorous Benchmarking in Reasonable Time" (ISMM 2013), optimal repetition
/// count for two levels: R = ⌈√((c_launch ÷ c_repeat) · (σ²_w ÷ σ²_b))⌉, where c_launch is the cost of
/// one launch beyond its repeats (start, readiness, warmup) and c_repeat the cost of one repeat; this
/// is Cochran's optimal cluster size for two-stage sampling. Both sides of a ratio run the same design,
/// so σ²_w and σ²_b are the sums over the two sides. With R fixed, the variance of each side's grand
/// mean is (σ²_b + σ²_w ÷ R) ÷ L, and L is the smallest count ≥ 2 for which
/// t(df, level) · √((v_candidate + v_reference) ÷ L) ≤ ln(1 + target), with the Welch–Satterthwaite df of
/// two sides of L launch means each. The estimate of σ²_b from few launches is rough, so the design is
/// a guide for the next campaign, not a promise.
/// </remarks>
public static class LaunchDesigner
{
    /// <summary>R is capped here: a σ²_b estimated as (near) 0 from a few launches does not make launches free.</summary>
    public const int MaxRepeatsPerLaunch = 10;

    /// <summary>L above this is reported as unreachable rather than as a number nobody will run.</summary>
    public const int MaxLaunches = 1_000;

    public static LaunchDesign Design(VarianceComponents candidate, VarianceComponents reference, StatisticsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(settings);
        var target = settings.TargetHalfWidth;
        var cost = settings.LaunchCostInRepeats;
        LaunchDesign Fail(string problem) => new(null, null, target, cost, problem);

        if (candidate.Launches < 2 || reference.Launches < 2)
        {
            return Fail("one launch: the between-launch variance is unknown");
        }
        if (candidate.WithinVariance is not { } withinC || reference.WithinVariance is not { } withinR
            || candidate.BetweenVariance is not { } betweenC || reference.BetweenVariance is not { } betweenR)
        {
            return Fail("no launch has two repeats: the within-launch variance is unknown");
        }
        var within = withinC + withinR;
        var between = betweenC + betweenR;
        var repeats = between > 0
            ? (int)Math.Clamp(Math.Ceiling(Math.Sqrt(cost * within / between)), 1, MaxRepeatsPerLaunch)
            : MaxRepeatsPerLaunch;

        var perLaunchC = betweenC + withinC / repeats;
        var perLaunchR = betweenR + withinR / repeats;
        var halfWidth = Math.Log(1 + target);
        for (var launches = 2; launches <= MaxLaunches; launches++)
        {
            if (HalfWidth(perLaunchC, perLaunchR, launches, settings.ConfidenceLevel) <= halfWidth)
            {
                return new LaunchDesign(repeats, launches, target, cost, null);
            }
        }
        return new LaunchDesign(repeats, null, target, cost, $"more than {MaxLaunches} launches would be needed");
    }

    private static double HalfWidth(double perLaunchC, double perLaunchR, int launches, double level)
    {
        var variance = (perLaunchC + perLaunchR) / launches;
        if (variance == 0)
        {
            return 0;
        }
        var df = RatioEstimator.WelchDf(perLaunchC / launches, launches, perLaunchR / launches, launches);
        return new StudentDistribution(df).Quantile(1 - (1 - level) / 2) * Math.Sqrt(variance);
    }
}
