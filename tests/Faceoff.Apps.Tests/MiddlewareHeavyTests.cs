using System.Text.RegularExpressions;
using Faceoff.Apps.Tests.Infrastructure;

namespace Faceoff.Apps.Tests;

[Collection(MiddlewareHeavyGroup.Name)]
public sealed partial class MiddlewareHeavyTests(MiddlewareHeavyApps apps)
{
    private static readonly string[] SecurityHeaders =
    [
        "content-security-policy", "cross-origin-opener-policy", "cross-origin-resource-policy", "referrer-policy",
        "x-content-type-options", "x-frame-options", "x-permitted-cross-domain-policies",
    ];

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/api/echo/alice")]
    [InlineData("/")]
    [InlineData("/hold?seconds=0.05")]
    [InlineData("/hold?seconds=99")]
    [InlineData("/no/such/path")]
    public async Task Bodies_stay_byte_identical_with_the_middleware_stack(string pathAndQuery)
    {
        var (aspNet, fastApi) = await apps.BothAsync(HttpMethod.Get, pathAndQuery);

        Parity.AssertSameWire(aspNet, fastApi);
    }

    [Theory]
    [InlineData("/api/status")]
    [InlineData("/no/such/path")]
    public async Task Security_headers_are_present_and_equal_on_both_apps(string path)
    {
        var (aspNet, fastApi) = await apps.BothAsync(HttpMethod.Get, path);

        foreach (var name in SecurityHeaders)
        {
            Assert.False(string.IsNullOrWhiteSpace(aspNet.Header(name)), $"ASP.NET Core lacks {name}");
            Assert.Equal(aspNet.Header(name), fastApi.Header(name));
        }

        Assert.Equal("nosniff", aspNet.Header("x-content-type-options"));
    }

    [Theory]
    [InlineData(AppKind.AspNet)]
    [InlineData(AppKind.FastApi)]
    public async Task Generated_tracing_ids_are_well_formed_and_fresh(AppKind kind)
    {
        var first = await apps.GetAsync(kind, "/api/status");
        var second = await apps.GetAsync(kind, "/api/status");

        foreach (var exchange in new[] { first, second })
        {
            Assert.Matches(LowerHex32(), exchange.Header("x-request-id")!);
            Assert.Equal(exchange.Header("x-request-id"), exchange.Header("x-correlation-id"));
            Assert.Matches(LowerHex32(), exchange.Header("x-trace-id")!);
            var parent = Traceparent().Match(exchange.Header("traceparent")!);
            Assert.True(parent.Success, $"bad traceparent '{exchange.Header("traceparent")}'");
            Assert.Equal(exchange.Header("x-trace-id"), parent.Groups["trace"].Value);
        }

        Assert.NotEqual(first.Header("x-request-id"), second.Header("x-request-id"));
        Assert.NotEqual(first.Header("traceparent"), second.Header("traceparent"));
    }

    [Theory]
    [InlineData(AppKind.AspNet)]
    [InlineData(AppKind.FastApi)]
    public async Task Tracing_headers_sent_by_the_client_are_echoed(AppKind kind)
    {
        (string, string)[] sent =
        [
            ("x-request-id", "req-123"),
            ("x-correlation-id", "corr-456"),
            ("x-trace-id", "trace-789"),
            ("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
        ];

        var exchange = await apps.GetAsync(kind, "/healthz", sent);

        foreach (var (name, value) in sent)
        {
            Assert.Equal(value, exchange.Header(name));
        }
    }

    [Theory]
    [InlineData(AppKind.AspNet)]
    [InlineData(AppKind.FastApi)]
    public async Task Request_id_alone_becomes_the_correlation_id_and_a_bad_traceparent_is_replaced(AppKind kind)
    {
        var exchange = await apps.GetAsync(kind, "/healthz", ("x-request-id", "only-this"), ("traceparent", "00-nothex-01"));

        Assert.Equal("only-this", exchange.Header("x-correlation-id"));
        var parent = Traceparent().Match(exchange.Header("traceparent")!);
        Assert.True(parent.Success);
        Assert.Equal(exchange.Header("x-trace-id"), parent.Groups["trace"].Value);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task Unsafe_method_without_csrf_token_is_refused_identically(string method)
    {
        var (aspNet, fastApi) = await apps.BothAsync(new HttpMethod(method), "/api/status");

        Assert.Equal(403, (int)aspNet.Status);
        Parity.AssertSameWire(aspNet, fastApi);
        Assert.Equal(Parity.TextPlain, aspNet.ContentType);
        Assert.NotNull(fastApi.Header("x-request-id"));
    }

    [Theory]
    [InlineData(AppKind.AspNet)]
    [InlineData(AppKind.FastApi)]
    public async Task Csrf_check_needs_the_header_to_equal_the_cookie(AppKind kind)
    {
        var token = "d41d8cd98f00b204e9800998ecf8427e";

        var matching = await apps.SendAsync(kind, HttpMethod.Post, "/api/status", ("cookie", $"csrf={token}"), ("x-csrf-token", token));
        var mismatched = await apps.SendAsync(kind, HttpMethod.Post, "/api/status", ("cookie", $"csrf={token}"), ("x-csrf-token", token + "0"));
        var cookieOnly = await apps.SendAsync(kind, HttpMethod.Post, "/api/status", ("cookie", $"csrf={token}"));
        var headerOnly = await apps.SendAsync(kind, HttpMethod.Post, "/api/status", ("x-csrf-token", token));

        // Past the CSRF check the router answers: /api/status only takes GET.
        Assert.Equal(405, (int)matching.Status);
        Assert.All(new[] { mismatched, cookieOnly, headerOnly }, e => Assert.Equal(403, (int)e.Status));
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex LowerHex32();

    [GeneratedRegex("^00-(?<trace>[0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$")]
    private static partial Regex Traceparent();
}
