using HdrHistogram;

namespace Faceoff.Load.Tests;

public sealed class HistogramTests
{
    private static readonly double[] Percentiles = [50, 75, 90, 95, 99, 99.9, 99.99];

    [Fact]
    public void Merged_percentiles_match_exact_sorted_samples_within_a_tenth_of_a_percent()
    {
        var random = new Random(42);
        var workers = Enumerable.Range(0, 4).Select(_ => LatencyHistograms.Create()).ToArray();
        var samples = new List<long>();
        for (var i = 0; i < 200_000; i++)
        {
            // Log-normal around 1 ms with a heavy tail, and a skew per worker so their distributions differ.
            var worker = i % workers.Length;
            var micros = (long)Math.Exp(6.9 + (0.8 * Gaussian(random)) + (0.3 * worker));
            micros = Math.Clamp(micros, 1, LatencyHistograms.HighestMicros);
            samples.Add(micros);
            workers[worker].RecordValue(micros);
        }

        var merged = LatencyHistograms.Merge(workers);
        samples.Sort();

        Assert.Equal(samples.Count, merged.TotalCount);
        foreach (var p in Percentiles)
        {
            // Nearest rank, rounded as HdrHistogram does (Math.Ceiling would turn 199800.00000000003 into 199801).
            var rank = Math.Max(1, (long)((p / 100 * samples.Count) + 0.5));
            var exact = samples[(int)rank - 1];
            var fromHistogram = merged.GetValueAtPercentile(p);
            Assert.True(Math.Abs(fromHistogram - exact) <= exact * 0.001, $"p{p}: histogram {fromHistogram} vs exact {exact}");
        }

        Assert.InRange(merged.GetMaxValue(), samples[^1], samples[^1] * 1.001);
    }

    [Fact]
    public void Summary_reads_every_reported_percentile_from_the_histogram()
    {
        var histogram = LatencyHistograms.Create();
        for (var v = 1; v <= 10_000; v++)
        {
            histogram.RecordValue(v);
        }

        var summary = LatencySummary.From(histogram);
        Assert.Equal(10_000, summary.Count);
        Assert.Equal(1, summary.MinMicros);
        Assert.InRange(summary.MeanMicros, 5000, 5001);
        foreach (var (_, p) in LatencySummary.Percentiles)
        {
            Assert.Equal(histogram.GetValueAtPercentile(p), summary.ValueOf(p));
        }

        Assert.InRange(summary.P50Micros, 4995, 5005);
        Assert.InRange(summary.P99Micros, 9890, 9910);
    }

    [Fact]
    public void Values_beyond_the_range_are_clamped_not_thrown()
    {
        var stats = new Engine.WorkerStats(openLoop: true, initialSeconds: 1);
        stats.RecordResponse(5, 200, LatencyHistograms.HighestMicros * 10, -5);

        Assert.Equal(1, stats.Latency.TotalCount);
        Assert.True(stats.Latency.GetMaxValue() >= LatencyHistograms.HighestMicros);
        Assert.Equal(0, stats.Uncorrected!.GetMaxValue());
        Assert.Equal(1, stats.CompletedPerSecond[5]);
        Assert.Equal(6, stats.SecondsUsed);
    }

    [Fact]
    public void Encoded_histogram_round_trips()
    {
        var histogram = LatencyHistograms.Create();
        var random = new Random(7);
        for (var i = 0; i < 10_000; i++)
        {
            histogram.RecordValue(random.Next(1, 5_000_000));
        }

        var decoded = LoadResultJson.DecodeHistogram(LoadResultJson.EncodeHistogram(histogram));

        Assert.Equal(histogram.TotalCount, decoded.TotalCount);
        foreach (var p in Percentiles)
        {
            Assert.Equal(histogram.GetValueAtPercentile(p), decoded.GetValueAtPercentile(p));
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
