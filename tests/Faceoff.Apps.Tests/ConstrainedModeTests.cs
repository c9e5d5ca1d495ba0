using System.Diagnostics;
using Faceoff.Apps.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Faceoff.Apps.Tests;

public sealed class ConstrainedModeTests(ConstrainedApps apps, ITestOutputHelper output) : IClassFixture<ConstrainedApps>
{
    // Long enough that "answered while the holds are still running" means "answered immediately".
    private const string HoldPath = "/hold?seconds=1.5";

    [Fact]
    public async Task Saturated_apps_shed_load_identically_and_recover()
    {
        var results = await Task.WhenAll(SaturateAsync(AppKind.AspNet), SaturateAsync(AppKind.FastApi));

        Parity.AssertSameWire(results[0].Refusal, results[1].Refusal);
        foreach (var (kind, (refusal, latency, recovered)) in new[] { AppKind.AspNet, AppKind.FastApi }.Zip(results))
        {
            // No latency threshold (shared, noisy machine): "refused while every hold was still
            // running" already proves the 503 did not queue behind them.
            output.WriteLine($"{kind}: 503 answered in {latency.TotalMilliseconds:F1} ms");
            Parity.AssertAnswer(refusal, 503, Parity.TextPlain, "overloaded\n");
            Assert.Equal("max-inflight", refusal.Header("x-overload-reason"));
            Assert.Equal(200, (int)recovered.Status);
        }
    }

    [Theory]
    [InlineData(AppKind.AspNet)]
    [InlineData(AppKind.FastApi)]
    public async Task Requests_below_the_limit_are_all_served(AppKind kind)
    {
        var holds = Enumerable.Range(0, ConstrainedApps.MaxInflight - 1).Select(_ => apps.GetAsync(kind, "/hold?seconds=0.3")).ToList();
        var probe = await apps.GetAsync(kind, "/healthz");

        Assert.Equal(200, (int)probe.Status);
        Assert.All(await Task.WhenAll(holds), e => Assert.Equal(200, (int)e.Status));
    }

    /// <summary>
    /// Fills every in-flight slot with a hold, then probes /healthz until one is refused while the
    /// holds are still running (the holds take a moment to reach the server, so early probes may pass).
    /// </summary>
    private async Task<(Exchange Refusal, TimeSpan Latency, Exchange Recovered)> SaturateAsync(AppKind kind)
    {
        var holds = Enumerable.Range(0, ConstrainedApps.MaxInflight).Select(_ => apps.GetAsync(kind, HoldPath)).ToList();
        var allHeld = Task.WhenAll(holds);
        (Exchange, TimeSpan)? refusal = null;
        while (refusal is null && !allHeld.IsCompleted)
        {
            var clock = Stopwatch.StartNew();
            var probe = await apps.GetAsync(kind, "/healthz");
            if ((int)probe.Status == 503 && holds.All(h => !h.IsCompleted))
            {
                refusal = (probe, clock.Elapsed);
            }
            else
            {
                await Task.Delay(20);
            }
        }

        var held = await allHeld;
        Assert.All(held, e => Parity.AssertAnswer(e, 200, Parity.TextPlain, "hold\n"));
        Assert.True(refusal is not null, $"{kind}: no 503 while {ConstrainedApps.MaxInflight} holds were in flight");
        return (refusal.Value.Item1, refusal.Value.Item2, await RecoveredAsync(kind));
    }

    // The slot is released right after the last hold's bytes leave, which can trail the client by a moment.
    private async Task<Exchange> RecoveredAsync(AppKind kind)
    {
        var exchange = await apps.GetAsync(kind, "/healthz");
        for (var attempt = 1; attempt < 20 && (int)exchange.Status == 503; attempt++)
        {
            await Task.Delay(25);
            exchange = await apps.GetAsync(kind, "/healthz");
        }

        return exchange;
    }
}
