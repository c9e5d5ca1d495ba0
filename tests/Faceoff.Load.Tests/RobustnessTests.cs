using Faceoff.Testing;

namespace Faceoff.Load.Tests;

/// <summary>
/// Misbehaving loopback servers: the engine must not crash or hang, must end by its hard deadline
/// (duration + timeout), and must account for every request it sent.
/// </summary>
public sealed class RobustnessTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(400);

    // Generous: the bound checked is "ends by the hard deadline", not speed; the slack absorbs a loaded CI box.
    private static readonly double Slack = 2.0;

    private static LoadOptions For(RawHttpServer server) =>
        new() { Url = server.Url, Connections = 4, Threads = 2, Duration = Duration, Timeout = Timeout };

    [Fact]
    public async Task Server_closing_mid_response_gives_closed_mid_response_errors()
    {
        using var server = TestServers.ClosesMidResponse();
        var result = await RunBounded(For(server));

        AssertAccounted(result);
        Assert.Equal(0, result.Summary.Completed);
        Assert.True(result.ErrorCounts[LoadErrorKind.ClosedMidResponse] > 0);
    }

    [Fact]
    public async Task Garbage_gives_parse_errors_with_a_reason()
    {
        using var server = TestServers.Garbage();
        var result = await RunBounded(For(server));

        AssertAccounted(result);
        Assert.True(result.ErrorCounts[LoadErrorKind.Parse] > 0);
        Assert.Contains(result.ErrorExamples, e => e.StartsWith("Parse:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stalled_response_times_out()
    {
        using var server = TestServers.Stalls();
        var result = await RunBounded(For(server));

        AssertAccounted(result);
        Assert.Equal(0, result.Summary.Completed);
        Assert.True(result.ErrorCounts[LoadErrorKind.Timeout] >= 4);
    }

    [Fact]
    public async Task Server_that_never_answers_times_out_with_a_request_count_bound_too()
    {
        using var server = TestServers.NeverAnswers();
        var result = await RunBounded(For(server) with { Duration = null, Requests = 12 });

        AssertAccounted(result);
        Assert.Equal(12, result.Summary.Requests);
        Assert.Equal(12, result.ErrorCounts[LoadErrorKind.Timeout]);
    }

    [Fact]
    public async Task Fifty_megabyte_bodies_are_drained_not_buffered()
    {
        const long body = 50L * 1024 * 1024;
        using var server = TestServers.LargeBody(body);
        var options = For(server) with { Connections = 1, Threads = 1, Duration = null, Requests = 3, Timeout = TimeSpan.FromSeconds(30) };
        var result = await LoadEngine.RunAsync(options).WaitAsync(TimeSpan.FromMinutes(2));

        AssertAccounted(result);
        Assert.Equal(3, result.Summary.Completed);
        Assert.True(result.Summary.BytesRead >= 3 * body);
        Assert.Equal(1, server.Accepted);
    }

    [Fact]
    public async Task Connection_close_every_time_reconnects_for_each_request()
    {
        using var server = TestServers.ConnectionCloseEveryTime();
        var result = await RunBounded(For(server) with { Duration = null, Requests = 200 });

        AssertAccounted(result);
        Assert.Equal(200, result.Summary.Completed);
        Assert.Equal(200, server.Accepted);
    }

    [Fact]
    public async Task Unannounced_half_close_after_a_keep_alive_response_is_noticed_before_the_next_request()
    {
        using var server = TestServers.HalfClosesAfterKeepAliveResponse();
        var options = For(server) with { Duration = null, Requests = 50, Timeout = TimeSpan.FromSeconds(3) };
        var result = await LoadEngine.RunAsync(options).WaitAsync(TimeSpan.FromSeconds(60));

        // Edge-triggered epoll reports that FIN once, with the data: missing it would send the next request into a
        // connection that can never answer, and it would time out.
        AssertAccounted(result);
        Assert.Empty(result.ErrorCounts);
        Assert.Equal(50, result.Summary.Completed);
    }

    [Fact]
    public async Task Http10_body_until_close_completes_and_reconnects()
    {
        using var server = TestServers.Http10UntilClose();
        var result = await RunBounded(For(server) with { Duration = null, Requests = 50 });

        AssertAccounted(result);
        Assert.True(result.Summary.Errors == 0, string.Join(", ", result.ErrorCounts.Select(e => $"{e.Key}={e.Value}")) + " " + string.Join(" | ", result.ErrorExamples));
        Assert.Equal(50, result.Summary.Completed);
        Assert.Equal(50, result.StatusCounts[200]);
    }

    [Fact]
    public async Task Refused_port_gives_connect_errors_and_still_ends()
    {
        var options = new LoadOptions { Url = new Uri($"http://127.0.0.1:{FreePort.Refusing()}/"), Connections = 2, Duration = Duration, Timeout = Timeout };
        var result = await RunBounded(options);

        AssertAccounted(result);
        Assert.True(result.ErrorCounts[LoadErrorKind.Connect] > 0);
        Assert.Equal(result.Summary.Requests, result.ErrorCounts[LoadErrorKind.Connect]);
    }

    [Fact]
    public async Task Cancellation_stops_promptly_and_returns_what_was_measured()
    {
        using var server = TestServers.NeverAnswers();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var options = For(server) with { Duration = TimeSpan.FromMinutes(5), Timeout = TimeSpan.FromMinutes(1) };
        var result = await LoadEngine.RunAsync(options, null, cts.Token).WaitAsync(TimeSpan.FromSeconds(30));

        AssertAccounted(result);
        Assert.True(result.Run.Cancelled);
        Assert.Equal(4, result.ErrorCounts[LoadErrorKind.Cancelled]);
        Assert.True(result.Summary.ElapsedSeconds < 60, "cancellation must not wait for the duration or the timeout");
    }

    private static async Task<LoadResult> RunBounded(LoadOptions options)
    {
        var result = await LoadEngine.RunAsync(options).WaitAsync(TimeSpan.FromSeconds(60));
        if (options.Duration is { } duration)
        {
            Assert.True(
                result.Summary.ElapsedSeconds <= duration.TotalSeconds + options.Timeout.TotalSeconds + Slack,
                $"ran {result.Summary.ElapsedSeconds:0.00} s, past the hard deadline");
        }

        return result;
    }

    private static void AssertAccounted(LoadResult result)
    {
        var s = result.Summary;
        Assert.Equal(s.Requests, s.Completed + s.Errors);
        Assert.Equal(s.Errors, result.ErrorCounts.Values.Sum());
        Assert.Equal(s.Completed, result.StatusCounts.Values.Sum());
        Assert.Equal(s.Completed, result.Latency.TotalCount);
        Assert.Equal(s.Completed, result.CompletedPerSecond.Sum());
        Assert.Equal(s.Errors, result.ErrorsPerSecond.Sum());
    }
}
