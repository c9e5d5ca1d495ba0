namespace Faceoff.Statistics.Tests;

/// <summary>
/// Seeded two-level measurements: each launch draws its own offset N(0, σ_b²) on ln(value), each repeat
/// adds N(0, σ_w²) on top. Known answers for the interval's coverage without a server.
/// </summary>
internal sealed class LaunchSimulation(int seed)
{
    private readonly Random random = new(seed);

    /// <summary>(launch index, value) of one side: <paramref name="launches"/> × <paramref name="repeats"/> values around <paramref name="center"/>.</summary>
    public (int[] Launches, double[] Values) Side(double center, int launches, int repeats, double sigmaBetween, double sigmaWithin)
    {
        var indices = new int[launches * repeats];
        var values = new double[launches * repeats];
        for (var launch = 0; launch < launches; launch++)
        {
            var offset = sigmaBetween * Gaussian();
            for (var repeat = 0; repeat < repeats; repeat++)
            {
                var i = launch * repeats + repeat;
                indices[i] = launch;
                values[i] = center * Math.Exp(offset + sigmaWithin * Gaussian());
            }
        }
        return (indices, values);
    }

    /// <summary>The estimate between two such sides; <paramref name="ignoreLaunches"/> gives today's per-repeat interval.</summary>
    public LogRatioEstimate Estimate(
        double trueRatio,
        int launches,
        int repeats,
        double sigmaBetween,
        double sigmaWithin,
        StatisticsSettings settings,
        bool ignoreLaunches = false)
    {
        var (lc, candidate) = Side(10_000 * trueRatio, launches, repeats, sigmaBetween, sigmaWithin);
        var (lr, reference) = Side(10_000, launches, repeats, sigmaBetween, sigmaWithin);
        var (estimate, problem) = ignoreLaunches
            ? RatioEstimator.TryEstimate(new int[lc.Length], candidate, new int[lr.Length], reference, settings)
            : RatioEstimator.TryEstimate(lc, candidate, lr, reference, settings);
        return estimate ?? throw new InvalidOperationException(problem);
    }

    private double Gaussian()
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
