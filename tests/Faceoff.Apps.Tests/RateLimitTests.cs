using Faceoff.Apps.Tests.Infrastructure;

namespace Faceoff.Apps.Tests;

public sealed class RateLimitTests(RateLimitedApps apps) : IClassFixture<RateLimitedApps>
{
    // Far more than two one-second windows' worth, yet bounded.
    private const int MaxAttempts = 50;

    [Fact]
    public async Task Exceeding_the_window_limit_is_refused_identically_and_recovers()
    {
        var aspNet = await FirstRefusalAsync(AppKind.AspNet);
        var fastApi = await FirstRefusalAsync(AppKind.FastApi);

        Parity.AssertSameWire(aspNet, fastApi);
        Assert.Equal(429, (int)aspNet.Status);
        Assert.Equal(Parity.TextPlain, aspNet.ContentType);
        Assert.All(new[] { aspNet, fastApi }, e => Assert.Equal("1", e.Header("retry-after")));
        // Outer middleware still decorates the refusal.
        Assert.All(new[] { aspNet, fastApi }, e => Assert.Equal("nosniff", e.Header("x-content-type-options")));
        Assert.Equal(200, (int)(await NextAcceptedAsync(AppKind.AspNet)).Status);
        Assert.Equal(200, (int)(await NextAcceptedAsync(AppKind.FastApi)).Status);
    }

    private async Task<Exchange> FirstRefusalAsync(AppKind kind)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var exchange = await apps.GetAsync(kind, "/healthz");
            if ((int)exchange.Status != 200)
            {
                return exchange;
            }
        }

        throw new Xunit.Sdk.XunitException($"{kind}: {MaxAttempts} requests never hit the limit of {RateLimitedApps.Limit}/s");
    }

    // A fixed window resets on the next second; poll across a few windows at most.
    private async Task<Exchange> NextAcceptedAsync(AppKind kind)
    {
        Exchange exchange;
        var attempts = 0;
        do
        {
            await Task.Delay(250);
            exchange = await apps.GetAsync(kind, "/healthz");
        }
        while ((int)exchange.Status == 429 && ++attempts < 12);
        return exchange;
    }
}
