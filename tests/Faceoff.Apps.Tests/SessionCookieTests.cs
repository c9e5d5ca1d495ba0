using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Faceoff.Apps.Tests.Infrastructure;

namespace Faceoff.Apps.Tests;

[Collection(MiddlewareHeavyGroup.Name)]
public sealed partial class SessionCookieTests(MiddlewareHeavyApps apps)
{
    [Theory]
    [InlineData(AppKind.AspNet)]
    [InlineData(AppKind.FastApi)]
    public async Task A_request_without_a_session_gets_a_signed_session_and_its_csrf_cookie(AppKind kind)
    {
        var exchange = await apps.GetAsync(kind, "/api/status");

        var (sessionId, signature, csrf) = ParseCookies(exchange);
        Assert.Equal(Mac(sessionId), signature);
        Assert.Equal(Mac($"csrf:{sessionId}"), csrf);
    }

    [Fact]
    public async Task Cookie_attributes_are_the_same_on_both_apps()
    {
        var (aspNet, fastApi) = await apps.BothAsync(HttpMethod.Get, "/healthz");

        Assert.Equal(Attributes(aspNet), Attributes(fastApi));
    }

    [Theory]
    [InlineData(AppKind.AspNet, AppKind.AspNet)]
    [InlineData(AppKind.AspNet, AppKind.FastApi)]
    [InlineData(AppKind.FastApi, AppKind.AspNet)]
    [InlineData(AppKind.FastApi, AppKind.FastApi)]
    public async Task A_valid_session_is_kept_even_across_apps(AppKind issuer, AppKind verifier)
    {
        var issued = await apps.GetAsync(issuer, "/healthz");
        var (sessionId, signature, _) = ParseCookies(issued);

        var kept = await apps.GetAsync(verifier, "/healthz", ("cookie", $"faceoff_session={sessionId}.{signature}"));

        Assert.Equal(200, (int)kept.Status);
        Assert.Empty(kept.Values("set-cookie"));
    }

    [Theory]
    [InlineData(AppKind.AspNet)]
    [InlineData(AppKind.FastApi)]
    public async Task A_tampered_session_is_replaced(AppKind kind)
    {
        var (sessionId, signature, _) = ParseCookies(await apps.GetAsync(kind, "/healthz"));
        var forged = (signature[0] == 'a' ? "b" : "a") + signature[1..];

        var replaced = await apps.GetAsync(kind, "/healthz", ("cookie", $"faceoff_session={sessionId}.{forged}"));

        Assert.NotEqual(sessionId, ParseCookies(replaced).SessionId);
    }

    [Theory]
    [InlineData(AppKind.AspNet)]
    [InlineData(AppKind.FastApi)]
    public async Task The_issued_csrf_cookie_unlocks_unsafe_methods(AppKind kind)
    {
        var (sessionId, signature, csrf) = ParseCookies(await apps.GetAsync(kind, "/healthz"));

        var posted = await apps.SendAsync(kind, HttpMethod.Post, "/healthz",
            ("cookie", $"faceoff_session={sessionId}.{signature}; csrf={csrf}"), ("x-csrf-token", csrf));

        Assert.Equal(405, (int)posted.Status);
    }

    private static (string SessionId, string Signature, string Csrf) ParseCookies(Exchange exchange)
    {
        var cookies = exchange.Values("set-cookie");
        Assert.Equal(2, cookies.Length);
        var session = Assert.Single(cookies, c => c.StartsWith("faceoff_session=", StringComparison.Ordinal));
        var csrf = Assert.Single(cookies, c => c.StartsWith("csrf=", StringComparison.Ordinal));
        var sessionMatch = SessionCookie().Match(session);
        Assert.True(sessionMatch.Success, $"bad session cookie '{session}'");
        var csrfMatch = CsrfCookie().Match(csrf);
        Assert.True(csrfMatch.Success, $"bad csrf cookie '{csrf}'");
        return (sessionMatch.Groups["sid"].Value, sessionMatch.Groups["sig"].Value, csrfMatch.Groups["token"].Value);
    }

    // Everything after the value: Path, HttpOnly, SameSite, in order.
    private static string[] Attributes(Exchange exchange) =>
        [.. exchange.Values("set-cookie").Select(c => c[c.IndexOf(';', StringComparison.Ordinal)..]).Order(StringComparer.Ordinal)];

    private static string Mac(string message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(MiddlewareHeavyApps.SessionKey), Encoding.UTF8.GetBytes(message)));

    [GeneratedRegex("^faceoff_session=(?<sid>[0-9a-f]{32})\\.(?<sig>[0-9a-f]{64}); Path=/; HttpOnly; SameSite=Lax$")]
    private static partial Regex SessionCookie();

    [GeneratedRegex("^csrf=(?<token>[0-9a-f]{64}); Path=/; SameSite=Lax$")]
    private static partial Regex CsrfCookie();
}
