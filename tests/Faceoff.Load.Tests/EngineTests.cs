using System.Text;
using Faceoff.Testing;
using HdrHistogram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Faceoff.Load.Tests;

public sealed class EngineTests
{
    private static LoadOptions Options(Uri url) => new() { Url = url, Connections = 4, Threads = 2, Requests = 2000 };

    [Fact]
    public async Task Closed_loop_with_a_request_count_completes_exactly_that_many()
    {
        using var server = TestServers.Canned(TestServers.OkResponse);
        var result = await LoadEngine.RunAsync(Options(server.Url));

        Assert.Equal(2000, result.Summary.Requests);
        Assert.Equal(2000, result.Summary.Completed);
        Assert.Equal(0, result.Summary.Errors);
        Assert.Equal(2000, result.StatusCounts[200]);
        Assert.Equal(2000, result.Latency.TotalCount);
        Assert.Null(result.UncorrectedLatency);
        Assert.Equal(4, server.Accepted);
        Assert.Equal(2000, result.CompletedPerSecond.Sum());
        Assert.Equal(2000 * TestServers.OkResponse.Length, result.Summary.BytesRead);
        Assert.Equal(2, result.Run.Threads);
    }

    [Fact]
    public async Task Open_loop_sends_on_schedule_and_accounts_for_every_intended_send()
    {
        using var server = TestServers.Canned(TestServers.OkResponse);
        var options = Options(server.Url) with { Requests = null, Duration = TimeSpan.FromSeconds(1), Rate = 400 };
        var result = await LoadEngine.RunAsync(options);

        // The schedule holds exactly rate x duration intended sends: each was either sent or counted missed.
        Assert.Equal(400, result.Summary.Requests + result.Summary.MissedSends);
        Assert.Equal(result.Summary.Requests, result.Summary.Completed + result.Summary.Errors);
        Assert.NotNull(result.UncorrectedLatency);
        Assert.Equal(result.Latency.TotalCount, result.UncorrectedLatency.TotalCount);
        Assert.True(result.Latency.GetMaxValue() >= result.UncorrectedLatency.GetMaxValue());
    }

    [Fact]
    public async Task Open_loop_latency_counts_the_queueing_a_slow_server_causes()
    {
        // 50 ms per response on one connection serves 20 req/s; asking for 50 req/s builds a queue that only the
        // corrected latency (from the intended send time) shows.
        using var server = TestServers.FixedDelay(TimeSpan.FromMilliseconds(50));
        var options = new LoadOptions { Url = server.Url, Connections = 1, Duration = TimeSpan.FromSeconds(1), Rate = 50, Timeout = TimeSpan.FromSeconds(5) };
        var result = await LoadEngine.RunAsync(options);

        var corrected = result.Summary.Latency;
        var uncorrected = result.Summary.UncorrectedLatency!;
        Assert.True(uncorrected.P50Micros >= 50_000);
        Assert.True(corrected.P99Micros > 2 * uncorrected.P99Micros, $"corrected p99 {corrected.P99Micros} vs uncorrected {uncorrected.P99Micros}");
        Assert.True(result.Summary.LateSends > 0);
        Assert.True(result.Summary.MissedSends > 0);
    }

    [Fact]
    public async Task Fixed_20ms_server_gives_a_p50_within_2ms_of_20ms()
    {
        using var server = TestServers.FixedDelay(TimeSpan.FromMilliseconds(20));
        var result = await LoadEngine.RunAsync(new LoadOptions { Url = server.Url, Connections = 4, Requests = 200 });

        Assert.Equal(200, result.Summary.Completed);
        Assert.InRange(result.Summary.Latency.P50Micros, 18_000, 22_000);
    }

    [Fact]
    public async Task Method_headers_and_body_reach_the_server_and_sampling_sees_the_response()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapPost("/echo", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            return Results.Text($"{request.Headers["X-Test"]}|{body}", "text/plain");
        }));
        var sampler = new ExpectBody("abc|hello");
        var options = new LoadOptions
        {
            Url = new Uri(server.Url, "echo"),
            Method = "POST",
            Headers = [new("X-Test", "abc")],
            Body = Encoding.UTF8.GetBytes("hello"),
            Connections = 2,
            Threads = 2,
            Requests = 200,
            Sampler = sampler,
            SampleEvery = 10,
            MinSampled = 0,
        };
        var result = await LoadEngine.RunAsync(options);

        Assert.Equal(200, result.StatusCounts[200]);
        Assert.Equal(20, result.Summary.Sampled);
        Assert.Equal(0, result.Summary.Violations);
        Assert.Equal(20, sampler.Seen);
    }

    [Fact]
    public async Task Sampler_violations_are_counted_with_their_messages()
    {
        using var server = TestServers.Canned(TestServers.OkResponse);
        var result = await LoadEngine.RunAsync(Options(server.Url) with { Requests = 100, Sampler = new ExpectBody("not ok"), SampleEvery = 5, MinSampled = 0 });

        Assert.Equal(20, result.Summary.Sampled);
        Assert.Equal(20, result.Summary.Violations);
        Assert.InRange(result.ViolationMessages.Count, 1, 10);
        Assert.Contains("expected body", result.ViolationMessages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_requests_complete_without_waiting_for_a_body()
    {
        using var server = TestServers.Canned("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
        var result = await LoadEngine.RunAsync(Options(server.Url) with { Method = "HEAD", Requests = 100 });

        Assert.Equal(100, result.Summary.Completed);
        Assert.Equal(0, result.Summary.Errors);
    }

    [Fact]
    public async Task Progress_is_reported_during_a_run()
    {
        using var server = TestServers.Canned(TestServers.OkResponse);
        var reports = new List<LoadProgress>();
        var progress = new SyncProgress(reports);
        var result = await LoadEngine.RunAsync(Options(server.Url) with { Requests = null, Duration = TimeSpan.FromSeconds(1.5) }, progress);

        Assert.NotEmpty(reports);
        Assert.True(reports[^1].Completed <= result.Summary.Completed);
    }

    private sealed class ExpectBody(string expected) : IResponseSampler
    {
        private int _seen;

        public int Seen => Volatile.Read(ref _seen);

        public string? Check(in SampledResponse response)
        {
            Interlocked.Increment(ref _seen);
            var body = Encoding.UTF8.GetString(response.Body.Span);
            return body == expected && response.GetHeader("content-type") is not null ? null : $"expected body '{expected}', got '{body}'";
        }
    }

    private sealed class SyncProgress(List<LoadProgress> reports) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
