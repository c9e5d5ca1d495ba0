using Faceoff.Hosts.Load;
using Faceoff.Load;
using Faceoff.Protocol.Model;

namespace Faceoff.Hosts.Tests;

public sealed class LoadMergeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Histograms_merge_by_counts_and_throughput_sums_over_the_common_window()
    {
        // Host a is fast (all 100 µs), host b slow (all 10 ms): averaging their p99s would say ~5 ms, adding counts
        // says the p99 is b's 10 ms, because b contributes a quarter of the requests.
        var a = Part("a", T0, latencyMicros: 100, perSecond: [3000, 3000, 3000]);
        var b = Part("b", T0.AddMilliseconds(400), latencyMicros: 10_000, perSecond: [1000, 1000, 1000]);

        var merged = LoadMerge.Merge([a, b]);

        Assert.Equal(a.Result.Latency.TotalCount + b.Result.Latency.TotalCount, merged.Latency.TotalCount);
        Assert.Equal(12_000, merged.Completed);
        Assert.InRange(merged.LatencySummary.P99Micros, 9_990, 10_010);
        Assert.InRange(merged.LatencySummary.P50Micros, 99, 101);
        Assert.Equal(400, merged.StartSpreadMs, 3);
        Assert.Equal(2.6, merged.WindowSeconds, 3);

        // a's seconds 1 and 2 (from 1.0 s) and b's first two (from 0.4 s) lie wholly in [0.4 s, 3.0 s].
        Assert.Equal(4000, merged.RequestsPerSecond, 3);
    }

    [Fact]
    public void Load_goes_only_to_loopback_or_a_declared_host()
    {
        HostDefinition[] hosts = [HostDefinition.Local, new("srv", HostKind.Ssh, Address: "198.18.0.10")];

        Assert.Null(LoadTargetPolicy.Check(new Uri("http://127.0.0.1:8080/"), hosts));
        Assert.Null(LoadTargetPolicy.Check(new Uri("http://[::1]:8080/"), hosts));
        Assert.Null(LoadTargetPolicy.Check(new Uri("http://198.18.0.10:8080/x"), hosts));
        var refused = LoadTargetPolicy.Check(new Uri("http://198.18.0.11:8080/"), hosts);
        Assert.Contains("refused", refused, StringComparison.Ordinal);
        Assert.Contains("declared: 198.18.0.10", refused, StringComparison.Ordinal);
    }

    private static HostLoadPart Part(string host, DateTimeOffset start, long latencyMicros, long[] perSecond)
    {
        var histogram = LatencyHistograms.Create();
        var total = perSecond.Sum();
        histogram.RecordValueWithCount(latencyMicros, total);
        var elapsed = perSecond.Length;
        var result = new LoadResult
        {
            Run = new LoadRunInfo { Url = "http://198.18.0.10/", Method = "GET", Connections = 1, Threads = 1, TimeoutSeconds = 5, StartedAt = start },
            Summary = new LoadSummary
            {
                Requests = total,
                Completed = total,
                Errors = 0,
                Non2xx = 0,
                ElapsedSeconds = elapsed,
                RequestsPerSecond = total / (double)elapsed,
                BytesRead = 0,
                BytesWritten = 0,
                BytesReadPerSecond = 0,
                Latency = LatencySummary.From(histogram),
            },
            Latency = histogram,
            CompletedPerSecond = perSecond,
            ErrorsPerSecond = [.. perSecond.Select(_ => 0L)],
            StatusCounts = new Dictionary<int, long> { [200] = total },
            ErrorCounts = new Dictionary<LoadErrorKind, long>(),
        };
        return new HostLoadPart(host, result, null, start);
    }
}
