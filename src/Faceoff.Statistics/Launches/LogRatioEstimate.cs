using Perfolizer.Mathematics.Distributions.ContinuousDistributions;

namespace Faceoff.Statistics;

/// <summary>
/// A ratio of geometric means as a difference of log means with its standard error and degrees of
/// freedom: enough to give its interval at any confidence level and the p-values the family-wise
/// verdicts need.
/// </summary>
/// <param name="CoversLaunchVariance">
/// False when either side had a single launch: the interval then comes from repeats of one process
/// pair and cannot cover launch-to-launch variance; every output should say so.
/// </param>
public sealed record LogRatioEstimate(
    double LogRatio,
    double StandardError,
    double DegreesOfFreedom,
    bool CoversLaunchVariance,
    VarianceComponents Numerator,
    VarianceComponents Denominator,
    LaunchDesign Design)
{
    /// <summary>Two-sided interval at <paramref name="confidenceLevel"/>, exponentiated back to a ratio.</summary>
    public Interval IntervalAt(double confidenceLevel)
    {
        var point = Math.Exp(LogRatio);
        if (StandardError == 0)
        {
            return new Interval(point, point, point);
        }
        var t = new StudentDistribution(DegreesOfFreedom).Quantile(1 - (1 - confidenceLevel) / 2);
        return new Interval(Math.Exp(LogRatio - t * StandardError), point, Math.Exp(LogRatio + t * StandardError));
    }

    /// <summary>
    /// Two-sided p-value of "the ratio lies inside the band [1 − band, 1 + band]": twice the smaller of the
    /// one-sided p-values against each edge. The interval at level γ lies wholly beyond the band exactly
    /// when this p-value is below 1 − γ.
    /// </summary>
    public double DifferencePValue(double band)
    {
        var above = UpperTail((LogRatio - Math.Log(1 + band)) / NonZero());
        var below = UpperTail((Math.Log(1 - band) - LogRatio) / NonZero());
        return Math.Min(1, 2 * Math.Min(above, below));
    }

    /// <summary>
    /// p-value of two one-sided tests for equivalence (TOST) against the band, doubled to match a
    /// two-sided interval: the interval at level γ lies inside the band exactly when this is below 1 − γ.
    /// </summary>
    public double EquivalencePValue(double band)
    {
        var notAbove = UpperTail((Math.Log(1 + band) - LogRatio) / NonZero());
        var notBelow = UpperTail((LogRatio - Math.Log(1 - band)) / NonZero());
        return Math.Min(1, 2 * Math.Max(notAbove, notBelow));
    }

    // A zero standard error makes the statistic ±∞ (or NaN exactly on the edge, counted as not beyond).
    private double NonZero() => StandardError == 0 ? double.Epsilon : StandardError;

    private double UpperTail(double t) =>
        double.IsNaN(t) ? 1
        : double.IsPositiveInfinity(t) ? 0
        : double.IsNegativeInfinity(t) ? 1
        : 1 - new StudentDistribution(DegreesOfFreedom).Cdf(t);
}

/// <summary>
/// The ratio interval over two levels of replication: launch means when every side has two or more
/// launches, per-repeat values otherwise (flagged).
/// </summary>
/// <remarks>
/// Following Kalibera &amp; Jones ("Rigorous Benchmarking in Reasonable Time", ISMM 2013), the interval is
/// built from launch means: each side's estimate is the unweighted mean of its launch means of ln(value),
/// with variance S²(launch means) ÷ L, so repeats only tighten each launch mean and the launch-to-launch
/// variance (JIT, GC heap layout, address-space luck of one process) is inside the interval. The two sides
/// combine in a Welch–Satterthwaite t-interval on the difference of log means with df from L − 1 per side.
/// With a single launch on either side the launch level cannot be estimated: the interval falls back to
/// the per-repeat interval (<see cref="RatioInterval"/>), and <see cref="LogRatioEstimate.CoversLaunchVariance"/>
/// is false.
/// </remarks>
public static class RatioEstimator
{
    /// <summary>The estimate, or why there is none: too few repeats or values a ratio cannot use.</summary>
    public static (LogRatioEstimate? Estimate, string? Problem) TryEstimate(
        IReadOnlyList<int> numeratorLaunches,
        IReadOnlyList<double> numerator,
        IReadOnlyList<int> denominatorLaunches,
        IReadOnlyList<double> denominator,
        StatisticsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(numerator);
        ArgumentNullException.ThrowIfNull(denominator);
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureValid();
        if (numerator.Count < settings.MinRepeats || denominator.Count < settings.MinRepeats)
        {
            return (null, $"too few repeats ({numerator.Count} vs {denominator.Count}; at least {settings.MinRepeats} each are needed)");
        }
        if (!numerator.Concat(denominator).All(v => double.IsFinite(v) && v > 0))
        {
            return (null, "missing, zero or negative values");
        }
        var x = TwoLevelVariance.Estimate(numeratorLaunches, numerator);
        var y = TwoLevelVariance.Estimate(denominatorLaunches, denominator);
        var covers = x.CoversLaunchVariance && y.CoversLaunchVariance;
        if (!covers && (x.Launches > 1 || y.Launches > 1))
        {
            // Mixed: one side has a single launch, so neither side can be judged at the launch level.
            x = TwoLevelVariance.Estimate(new int[numerator.Count], numerator);
            y = TwoLevelVariance.Estimate(new int[denominator.Count], denominator);
        }
        var standardError = Math.Sqrt(x.VarianceOfMean + y.VarianceOfMean);
        var df = standardError == 0
            ? x.DegreesOfFreedom + y.DegreesOfFreedom
            : WelchDf(x.VarianceOfMean, x.DegreesOfFreedom + 1, y.VarianceOfMean, y.DegreesOfFreedom + 1);
        var estimate = new LogRatioEstimate(
            x.GrandLogMean - y.GrandLogMean,
            standardError,
            df,
            covers,
            x,
            y,
            LaunchDesigner.Design(x, y, settings));
        return (estimate, null);
    }

    /// <summary>Welch–Satterthwaite degrees of freedom for two means with variances <paramref name="vx"/>, <paramref name="vy"/> from nx, ny units.</summary>
    internal static double WelchDf(double vx, int nx, double vy, int ny) =>
        Math.Pow(vx + vy, 2) / (vx * vx / (nx - 1) + vy * vy / (ny - 1));
}
