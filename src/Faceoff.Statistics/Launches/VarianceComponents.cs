namespace Faceoff.Statistics;

/// <summary>
/// One side of one metric, in natural-log space, split into the two levels of replication: launches
/// (a fresh server process pair) and repeats inside a launch. All variances are of ln(value), so their
/// square roots read approximately as relative standard deviations (0.05 ≈ 5%).
/// </summary>
/// <param name="Launches">Number of launches L with at least one repeat.</param>
/// <param name="Repeats">Number of repeats N over all launches.</param>
/// <param name="GrandLogMean">Unweighted mean of the launch means of ln(value) (Kalibera &amp; Jones: every launch counts once).</param>
/// <param name="WithinVariance">σ²_w: pooled within-launch variance, Σ(y − launch mean)² ÷ (N − L); null when no launch has two repeats.</param>
/// <param name="BetweenVariance">
/// σ²_b: between-launch variance by the method of moments of the one-way random-effects ANOVA,
/// (MS_between − MS_within) ÷ n₀ with n₀ = (N − Σnᵢ²/N) ÷ (L − 1), truncated at 0; null below two
/// launches or without a within-launch estimate.
/// </param>
/// <param name="VarianceOfMean">
/// Variance of <see cref="GrandLogMean"/>: S²(launch means) ÷ L with two or more launches; with one
/// launch, the per-repeat sample variance ÷ N, which cannot contain any launch-to-launch variance.
/// </param>
/// <param name="DegreesOfFreedom">L − 1 with two or more launches, N − 1 with one.</param>
public sealed record VarianceComponents(
    int Launches,
    int Repeats,
    double GrandLogMean,
    double? WithinVariance,
    double? BetweenVariance,
    double VarianceOfMean,
    int DegreesOfFreedom)
{
    /// <summary>True when <see cref="VarianceOfMean"/> comes from launch means, so it covers launch-to-launch variance.</summary>
    public bool CoversLaunchVariance => Launches >= 2;
}

/// <summary>Estimates <see cref="VarianceComponents"/> from (launch, value) pairs of one side of one metric.</summary>
public static class TwoLevelVariance
{
    /// <param name="launches">Launch index of each value (same length as <paramref name="values"/>).</param>
    /// <param name="values">Positive, finite measurements; logarithms are taken here.</param>
    public static VarianceComponents Estimate(IReadOnlyList<int> launches, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(launches);
        ArgumentNullException.ThrowIfNull(values);
        if (launches.Count != values.Count || values.Count == 0)
        {
            throw new ArgumentException($"need one launch index per value and at least one value, got {launches.Count} and {values.Count}");
        }
        if (!values.All(v => double.IsFinite(v) && v > 0))
        {
            throw new ArgumentException("values must be positive and finite");
        }
        var groups = launches.Zip(values, (launch, value) => (launch, log: Math.Log(value)))
            .GroupBy(p => p.launch)
            .OrderBy(g => g.Key)
            .Select(g => g.Select(p => p.log).ToArray())
            .ToArray();
        var total = values.Count;
        var launchCount = groups.Length;
        var launchMeans = groups.Select(g => g.Average()).ToArray();
        var grand = launchMeans.Average();

        var withinSquares = groups.Zip(launchMeans, (g, m) => g.Sum(y => (y - m) * (y - m))).Sum();
        double? within = total > launchCount ? withinSquares / (total - launchCount) : null;

        if (launchCount < 2)
        {
            var all = groups[0];
            var perRepeat = total > 1 ? all.Sum(y => (y - grand) * (y - grand)) / (total - 1) : 0;
            return new VarianceComponents(1, total, grand, within, null, perRepeat / total, Math.Max(total - 1, 0));
        }

        var weightedGrand = groups.Sum(g => g.Sum()) / total;
        var betweenSquares = groups.Zip(launchMeans, (g, m) => g.Length * (m - weightedGrand) * (m - weightedGrand)).Sum();
        var meanSquareBetween = betweenSquares / (launchCount - 1);
        var n0 = (total - groups.Sum(g => (double)g.Length * g.Length) / total) / (launchCount - 1);
        double? between = within is { } w ? Math.Max(0, (meanSquareBetween - w) / n0) : null;

        var launchMeansVariance = launchMeans.Sum(m => (m - grand) * (m - grand)) / (launchCount - 1);
        return new VarianceComponents(launchCount, total, grand, within, between, launchMeansVariance / launchCount, launchCount - 1);
    }
}
