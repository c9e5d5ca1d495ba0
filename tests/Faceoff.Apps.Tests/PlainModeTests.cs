using System.Text.Json;
using Faceoff.Apps.Tests.Infrastructure;

namespace Faceoff.Apps.Tests;

public sealed class PlainModeTests(PlainApps apps) : IClassFixture<PlainApps>
{
    private const string LongName = "benchmark_payload_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/api/echo/alice")]
    [InlineData("/api/echo/" + LongName)]
    [InlineData("/api/echo/hello%20world")]
    [InlineData("/api/echo/caf%C3%A9-%E2%80%A8-%F0%9F%98%80")]
    [InlineData("/api/echo/q%22b%5Cs%01%08%09%0A%1F%7F%3C%3E%26%27%2B")]
    [InlineData("/")]
    [InlineData("/hold?seconds=0.05")]
    [InlineData("/hold?seconds=0.1&seconds=0.05")]
    [InlineData("/hold")]
    [InlineData("/hold?seconds=")]
    [InlineData("/hold?seconds=abc")]
    [InlineData("/hold?seconds=0.049")]
    [InlineData("/hold?seconds=5.01")]
    [InlineData("/hold?seconds=1e-1")]
    [InlineData("/hold?seconds=-1")]
    [InlineData("/hold?seconds=%200.1")]
    [InlineData("/no/such/path")]
    [InlineData("/api/echo/")]
    public async Task Deterministic_answers_are_byte_identical_on_both_apps(string pathAndQuery)
    {
        var (aspNet, fastApi) = await apps.BothAsync(HttpMethod.Get, pathAndQuery);

        Parity.AssertSameWire(aspNet, fastApi);
    }

    [Theory]
    [InlineData("GET", "/api/db/items?category=alpha&limit=50")]
    [InlineData("POST", "/api/db/items")]
    public async Task Without_a_database_url_the_db_endpoints_answer_503_with_a_clear_body(string method, string pathAndQuery)
    {
        var (aspNet, fastApi) = await apps.BothAsync(new HttpMethod(method), pathAndQuery);

        Parity.AssertSameWire(aspNet, fastApi);
        Parity.AssertAnswer(aspNet, 503, Parity.TextPlain, "database not configured: set FACEOFF_APP_DATABASE_URL\n");
    }

    [Theory]
    [InlineData(AppKind.AspNet)]
    [InlineData(AppKind.FastApi)]
    public async Task Each_endpoint_answers_its_contract(AppKind kind)
    {
        Parity.AssertAnswer(await apps.GetAsync(kind, "/healthz"), 200, Parity.TextPlain, "ok\n");
        Parity.AssertAnswer(await apps.GetAsync(kind, "/api/echo/alice"), 200, Parity.Json, """{"name":"alice","path":"/api/echo/alice"}""");
        Parity.AssertAnswer(await apps.GetAsync(kind, "/api/echo/a%22b"), 200, Parity.Json, """{"name":"a\"b","path":"/api/echo/a\"b"}""");
        Parity.AssertAnswer(await apps.GetAsync(kind, "/hold?seconds=0.05"), 200, Parity.TextPlain, "hold\n");
        var refused = await apps.GetAsync(kind, "/hold?seconds=10");
        Assert.Equal(400, (int)refused.Status);
        Assert.Equal(Parity.TextPlain, refused.ContentType);
        Assert.NotEmpty(refused.Text);
    }

    [Theory]
    [InlineData(AppKind.AspNet)]
    [InlineData(AppKind.FastApi)]
    public async Task Home_page_is_the_shared_html_file(AppKind kind)
    {
        var page = await apps.GetAsync(kind, "/");

        Assert.Equal(200, (int)page.Status);
        Assert.Equal(Parity.TextHtml, page.ContentType);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(AppCommands.RepoRoot, "apps", "shared", "index.html")), page.Body);
        foreach (var fragment in new[] { "<h1>Faceoff Reference App</h1>", "template:multiline-ok", "<a href=\"/\">Home</a>", "<a href=\"/about\">About</a>" })
        {
            Assert.Contains(fragment, page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Status_has_the_same_keys_and_value_types_on_both_apps()
    {
        var (aspNet, fastApi) = await apps.BothAsync(HttpMethod.Get, "/api/status");

        var shapes = new[] { aspNet, fastApi }.Select(StatusShape).ToList();
        Assert.Equal(shapes[0].Keys, shapes[1].Keys);
        Assert.Equal(["server", "ok", "timestamp"], shapes[0].Keys);
        Assert.NotEqual(shapes[0].Server, shapes[1].Server);
        Assert.All(new[] { aspNet, fastApi }, e => Assert.Equal(Parity.Json, e.ContentType));
    }

    private static (string[] Keys, string Server) StatusShape(Exchange exchange)
    {
        Assert.Equal(200, (int)exchange.Status);
        using var document = JsonDocument.Parse(exchange.Body);
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.String, root.GetProperty("server").ValueKind);
        Assert.Equal(JsonValueKind.True, root.GetProperty("ok").ValueKind);
        // Unix seconds, not milliseconds: within a day of this machine's clock.
        var timestamp = root.GetProperty("timestamp").GetDouble();
        Assert.InRange(timestamp, DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds());
        var server = root.GetProperty("server").GetString()!;
        Assert.NotEmpty(server);
        return ([.. root.EnumerateObject().Select(p => p.Name)], server);
    }
}
