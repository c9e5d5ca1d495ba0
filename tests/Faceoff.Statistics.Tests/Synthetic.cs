namespace Faceoff.Statistics.Tests;

/// <summary>Shape of a simulated server: its true throughput and latency and how noisy it is.</summary>
internal sealed record Shape(
    double Rps = 10_000,
    double LatencyUs = 1_000,
    double Noise = 0.02,
    int Repeats = 3,
    int FullSeconds = 5,
    long RssKib = 50_000,
    double RssNoise = 0.01,
    long ContractViolations = 0,
    long Errors = 0)
{
    public Shape Scaled(double throughputFactor, double latencyFactor) =>
        this with { Rps = Rps * throughputFactor, LatencyUs = LatencyUs * latencyFactor };
}

/// <summary>Seeded synthetic measurements: known answers without a server.</summary>
internal static class Synthetic
{
    /// <summary>
    /// Each repeat gets a repeat-level drift and per-second noise of <see cref="Shape.Noise"/> (relative,
    /// normal), a partial first and last second, and latency percentiles with the same relative noise.
    /// </summary>
    public static SideMeasurements Cell(
        Random random,
        string profile,
        Shape shape,
        string scenario = "api_status",
        int concurrency = 8,
        string? failure = null)
    {
        var repeats = Enumerable.Range(0, shape.Repeats).Select(_ => Repeat(random, shape)).ToArray();
        return new SideMeasurements(new SideKey(profile, scenario, concurrency), repeats, failure);
    }

    public static PassMeasurement Repeat(Random random, Shape shape)
    {
        var level = shape.Rps * Noisy(random, shape.Noise);
        var full = Enumerable.Range(0, shape.FullSeconds).Select(_ => level * Noisy(random, shape.Noise)).ToArray();
        double[] perSecond = [level * 0.4, .. full, level * 0.7];
        var latency = shape.LatencyUs;
        var rss = (long)(shape.RssKib * Noisy(random, shape.RssNoise));
        return new PassMeasurement(
            full.Average(),
            new LatencyPercentiles(
                latency * Noisy(random, shape.Noise),
                latency * 1.2 * Noisy(random, shape.Noise),
                latency * 1.5 * Noisy(random, shape.Noise),
                latency * 1.8 * Noisy(random, shape.Noise),
                latency * 2.5 * Noisy(random, shape.Noise),
                latency * 4 * Noisy(random, shape.Noise),
                latency * 1.1 * Noisy(random, shape.Noise)),
            perSecond,
            (long)perSecond.Sum(),
            shape.Errors,
            shape.ContractViolations,
            ServerCpuSeconds: 1.5,
            rss);
    }

    /// <summary>A repeat with exact values, for hand-computed answers.</summary>
    public static PassMeasurement Exact(double rps, double p50 = 1_000, IReadOnlyList<double>? perSecond = null, long rssKib = 50_000) =>
        new(rps,
            new LatencyPercentiles(p50, p50 * 1.2, p50 * 1.5, p50 * 1.8, p50 * 2.5, p50 * 4, p50 * 1.1),
            perSecond ?? [],
            Requests: 1_000,
            Errors: 0,
            ContractViolations: 0,
            ServerCpuSeconds: 1,
            rssKib);

    public static SideMeasurements ExactCell(string profile, params PassMeasurement[] repeats) =>
        new(new SideKey(profile, "api_status", 8), repeats);

    // Clamped so a rare extreme draw cannot produce a non-positive measurement.
    private static double Noisy(Random random, double relative) => Math.Max(0.05, 1 + relative * Gaussian(random));

    private static double Gaussian(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
