using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Faceoff.Parity.Tests.Fixtures;

/// <summary>Ways a fake app can break the contract, one at a time.</summary>
public enum Flaw
{
    None,
    WrongMediaType,
    MissingJsonKey,
    WrongJsonType,
    MissingMiddlewareHeader,
    ConnectionCloseEverywhere,
    WhitespaceInEcho,
    NoOverloadStatus,
    NeverRecovers,

    /// <summary>Conforms for the first 50 requests (a parity gate would pass it), then alternates 503 and an empty 200.</summary>
    DegradesUnderLoad,
}

/// <summary>
/// An in-process Kestrel server on 127.0.0.1:0 that serves the reference apps' scenarios byte for byte,
/// in plain, middleware-heavy or constrained mode, with at most one deliberate <see cref="Flaw"/>.
/// </summary>
public sealed class FakeApp : IAsyncDisposable
{
    public const string EchoName = "benchmark_payload_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string IndexHtml =
        "<!doctype html>\n<html><body>\n<h1>Faceoff Reference App</h1>\n<p>template:multiline-ok</p>\n" +
        "<nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav>\n</body></html>\n";

    private readonly WebApplication app;
    private readonly Flaw flaw;
    private readonly bool middleware;
    private readonly int? maxInFlight;
    private int inFlight;
    private int served;
    private bool overloaded;

    private FakeApp(WebApplication app, Flaw flaw, bool middleware, int? maxInFlight)
    {
        this.app = app;
        this.flaw = flaw;
        this.middleware = middleware;
        this.maxInFlight = maxInFlight;
    }

    public Uri BaseUri { get; private set; } = null!;

    /// <param name="maxInFlight">Constrained mode: refuse with 503 beyond this many requests in flight.</param>
    public static async Task<FakeApp> StartAsync(Flaw flaw = Flaw.None, bool middleware = false, int? maxInFlight = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var web = builder.Build();
        var fake = new FakeApp(web, flaw, middleware, maxInFlight);
        web.Run(fake.HandleAsync);
        await web.StartAsync();
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUri = new Uri(address);
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        if (flaw == Flaw.ConnectionCloseEverywhere)
        {
            response.Headers.Connection = "close";
        }

        if (middleware)
        {
            AddMiddlewareHeaders(response);
        }

        if (maxInFlight is { } limit)
        {
            var now = Interlocked.Increment(ref inFlight);
            try
            {
                if ((now > limit && flaw != Flaw.NoOverloadStatus) || (overloaded && flaw == Flaw.NeverRecovers))
                {
                    overloaded = true;
                    await WriteAsync(response, 503, "text/plain; charset=utf-8", "overloaded\n");
                    return;
                }

                await RouteAsync(context);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }

            return;
        }

        await RouteAsync(context);
    }

    private async Task RouteAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var count = Interlocked.Increment(ref served);
        if (flaw == Flaw.DegradesUnderLoad && count > 50)
        {
            await (count % 2 == 0 ? WriteAsync(context.Response, 503, "text/plain", "overloaded\n") : WriteAsync(context.Response, 200, "application/json", string.Empty));
            return;
        }

        switch (path)
        {
            case "/healthz":
                await WriteAsync(context.Response, 200, flaw == Flaw.WrongMediaType ? "text/html; charset=utf-8" : "text/plain; charset=utf-8", "ok\n");
                break;
            case "/api/status":
                var ok = flaw switch { Flaw.MissingJsonKey => string.Empty, Flaw.WrongJsonType => ",\"ok\":\"true\"", _ => ",\"ok\":true" };
                var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                await WriteAsync(context.Response, 200, "application/json", $"{{\"server\":\"fake\"{ok},\"timestamp\":{stamp}}}");
                break;
            case "/":
                await WriteAsync(context.Response, 200, "text/html; charset=utf-8", IndexHtml);
                break;
            case "/hold":
                var seconds = double.Parse(context.Request.Query["seconds"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
                await Task.Delay(TimeSpan.FromSeconds(seconds));
                await WriteAsync(context.Response, 200, "text/plain; charset=utf-8", "hold\n");
                break;
            case var echo when echo.StartsWith("/api/echo/", StringComparison.Ordinal):
                var name = echo["/api/echo/".Length..];
                var body = flaw == Flaw.WhitespaceInEcho
                    ? $"{{\"name\": \"{name}\", \"path\": \"{echo}\"}}"
                    : $"{{\"name\":\"{name}\",\"path\":\"{echo}\"}}";
                await WriteAsync(context.Response, 200, "application/json", body);
                break;
            default:
                context.Response.StatusCode = 404;
                break;
        }
    }

    private void AddMiddlewareHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers["content-security-policy"] = "default-src 'self'";
        headers["cross-origin-opener-policy"] = "same-origin";
        headers["cross-origin-resource-policy"] = "same-origin";
        headers["referrer-policy"] = "no-referrer";
        headers["x-content-type-options"] = "nosniff";
        headers["x-frame-options"] = "DENY";
        headers["x-permitted-cross-domain-policies"] = "none";
        headers["x-request-id"] = Guid.NewGuid().ToString("N");
        headers["x-correlation-id"] = Guid.NewGuid().ToString("N");
        if (flaw != Flaw.MissingMiddlewareHeader)
        {
            headers["x-trace-id"] = Guid.NewGuid().ToString("N");
        }

        headers["traceparent"] = $"00-{Guid.NewGuid():N}-{Guid.NewGuid().ToString("N")[..16]}-01";
    }

    private static async Task WriteAsync(HttpResponse response, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes);
    }
}
