using Faceoff.Testing;
using Microsoft.AspNetCore.Builder;
using Xunit.Abstractions;

namespace Faceoff.Load.Tests;

/// <summary>
/// The sampling floor: a pass checks at least min(completed, <see cref="LoadOptions.MinSampled"/>) responses
/// however sparse <see cref="LoadOptions.SampleEvery"/> is, and a fast pass still checks a bounded number.
/// </summary>
public sealed class SamplingFloorTests(ITestOutputHelper output)
{
    private sealed class AcceptAll : IResponseSampler
    {
        public string? Check(in SampledResponse response) => null;
    }

    private static Task<KestrelTestServer> SlowServer() =>
        KestrelTestServer.StartAsync(app => app.MapGet("/", async () =>
        {
            await Task.Delay(30);
            return "ok";
        }));

    private static LoadOptions Sparse(Uri url) => new()
    {
        Url = url,
        Connections = 2,
        Threads = 1,
        Sampler = new AcceptAll(),
        SampleEvery = 100,
    };

    [Fact]
    public async Task A_slow_pass_of_93_responses_checks_at_least_50()
    {
        await using var server = await SlowServer();

        var result = await LoadEngine.RunAsync(Sparse(server.Url) with { Requests = 93 });

        output.WriteLine($"93 requests, every 100th + floor 50: {result.Summary.Sampled} checked of {result.Summary.Completed}");
        Assert.Equal(93, result.Summary.Completed);
        Assert.InRange(result.Summary.Sampled, 50, 93);
    }

    [Fact]
    public async Task A_slow_timed_pass_checks_min_of_completed_and_50_spread_over_the_pass()
    {
        await using var server = await SlowServer();

        // 3 s at about 66 responses a second: well above the floor even at half speed. A timed pass cannot know its
        // total in advance, so one that ends within a few responses of the floor after an uneven rate can check a few
        // fewer (48 of 50 was seen in a 1.5 s pass on a busy machine); SamplingSchedule says so, and every pass records its count.
        var result = await LoadEngine.RunAsync(Sparse(server.Url) with { Duration = TimeSpan.FromSeconds(3) });

        var completed = result.Summary.Completed;
        output.WriteLine($"3 s against a 30 ms server, every 100th + floor 50: {result.Summary.Sampled} checked of {completed}");
        Assert.True(completed > 0);
        Assert.True(result.Summary.Sampled >= Math.Min(completed, 50), $"{result.Summary.Sampled} checked of {completed}");
        // Spread, not front-loaded: far fewer than every response when there are clearly more than the floor.
        if (completed >= 80)
        {
            Assert.True(result.Summary.Sampled < completed, $"{result.Summary.Sampled} checked of {completed}");
        }
    }

    [Fact]
    public async Task A_pass_below_the_floor_checks_every_response()
    {
        await using var server = await SlowServer();

        var result = await LoadEngine.RunAsync(Sparse(server.Url) with { Requests = 30 });

        Assert.Equal(30, result.Summary.Completed);
        Assert.Equal(30, result.Summary.Sampled);
    }

    [Fact]
    public async Task Without_a_floor_only_every_kth_response_is_checked()
    {
        await using var server = await SlowServer();

        var result = await LoadEngine.RunAsync(Sparse(server.Url) with { Requests = 93, MinSampled = 0 });

        Assert.Equal(0, result.Summary.Sampled);
    }

    [Fact]
    public async Task A_fast_pass_checks_every_kth_plus_a_bounded_floor()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapGet("/", () => "ok"));
        const int requests = 20_000;
        var options = Sparse(server.Url) with { Requests = requests, Connections = 4, Threads = 2 };

        var result = await LoadEngine.RunAsync(options);

        var bound = requests / options.SampleEvery + options.Connections + options.MinSampled + options.Threads;
        output.WriteLine($"{requests} requests, every 100th + floor 50: {result.Summary.Sampled} checked (bound {bound})");
        Assert.Equal(requests, result.Summary.Completed);
        Assert.InRange(result.Summary.Sampled, requests / options.SampleEvery, bound);
    }
}
