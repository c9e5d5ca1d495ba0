using System.Text.Json;
using HdrHistogram;

namespace Faceoff.Load.Tests;

public sealed class ResultJsonTests
{
    [Fact]
    public void Result_round_trips_through_json_with_its_histograms()
    {
        var original = SampleResult();
        var json = LoadResultJson.Serialize(original);
        var back = LoadResultJson.Deserialize(json);

        Assert.Equal(original.Summary, back.Summary);
        Assert.Equal(original.Run, back.Run);
        Assert.Equal(original.Latency.TotalCount, back.Latency.TotalCount);
        Assert.Equal(original.Latency.GetValueAtPercentile(99.9), back.Latency.GetValueAtPercentile(99.9));
        Assert.Equal(original.UncorrectedLatency!.GetValueAtPercentile(50), back.UncorrectedLatency!.GetValueAtPercentile(50));
        Assert.Equal(original.CompletedPerSecond, back.CompletedPerSecond);
        Assert.Equal(original.StatusCounts, back.StatusCounts);
        Assert.Equal(original.ErrorCounts, back.ErrorCounts);
        Assert.Equal(original.ViolationMessages, back.ViolationMessages);
        Assert.Contains("\"timeout\"", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(LoadResultJson.Format, json, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_format_is_refused()
    {
        var json = LoadResultJson.Serialize(SampleResult()).Replace(LoadResultJson.Format, "something-else/9", StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => LoadResultJson.Deserialize(json));
    }

    [Fact]
    public void Hdr_log_is_readable_by_the_hdrhistogram_log_reader()
    {
        var result = SampleResult();
        using var stream = new MemoryStream();
        HdrLog.Write(stream, result);

        var bytes = stream.ToArray();
        Assert.StartsWith("#[Histogram log format version", System.Text.Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        using var reader = new HistogramLogReader(new MemoryStream(bytes));
        var histograms = reader.ReadHistograms().ToList();

        Assert.Equal(2, histograms.Count);
        Assert.Equal(HdrLog.LatencyTag, histograms[0].Tag);
        Assert.Equal(result.Latency.TotalCount, histograms[0].TotalCount);
        Assert.Equal(result.UncorrectedLatency!.GetValueAtPercentile(99), histograms[1].GetValueAtPercentile(99));
        Assert.Null(result.Latency.Tag);
    }

    private static LoadResult SampleResult()
    {
        var latency = LatencyHistograms.Create();
        var uncorrected = LatencyHistograms.Create();
        for (var i = 1; i <= 1000; i++)
        {
            latency.RecordValue(i * 37);
            uncorrected.RecordValue(i * 11);
        }

        return new LoadResult
        {
            Run = new LoadRunInfo
            {
                Url = "http://127.0.0.1:1234/x",
                Method = "GET",
                Connections = 4,
                Threads = 2,
                DurationSeconds = 2,
                Rate = 500,
                TimeoutSeconds = 1,
                StartedAt = new DateTimeOffset(2025, 11, 26, 14, 0, 0, TimeSpan.Zero),
            },
            Summary = new LoadSummary
            {
                Requests = 1003,
                Completed = 1000,
                Errors = 3,
                Non2xx = 1,
                ElapsedSeconds = 2.01,
                RequestsPerSecond = 497.5,
                BytesRead = 100_000,
                BytesWritten = 50_000,
                BytesReadPerSecond = 49_751,
                Latency = LatencySummary.From(latency),
                UncorrectedLatency = LatencySummary.From(uncorrected),
                LateSends = 4,
                MissedSends = 2,
                Sampled = 10,
                Violations = 1,
            },
            Latency = latency,
            UncorrectedLatency = uncorrected,
            CompletedPerSecond = [500, 500],
            ErrorsPerSecond = [0, 3],
            StatusCounts = new Dictionary<int, long> { [200] = 999, [500] = 1 },
            ErrorCounts = new Dictionary<LoadErrorKind, long> { [LoadErrorKind.Timeout] = 3 },
            ViolationMessages = ["body differs"],
        };
    }
}
