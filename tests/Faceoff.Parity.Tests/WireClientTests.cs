using System.Text;
using Faceoff.Parity.Checks;
using Faceoff.Parity.Http;
using Faceoff.Parity.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Faceoff.Parity.Tests;

public class WireClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_chunked_body_arrives_de_chunked_byte_for_byte_with_raw_headers()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.Run(async context =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("first ");
            await context.Response.Body.FlushAsync();
            await context.Response.WriteAsync("second\n");
        });
        await app.StartAsync();

        var outcome = await WireClient.SendAsync(new Uri(app.Urls.First()), WireRequest.Get("/"), Timeout, CancellationToken.None);

        var response = Assert.IsType<WireResponse>(outcome.Response);
        Assert.Equal("chunked", response.Header("transfer-encoding"));
        Assert.Equal("first second\n", Encoding.UTF8.GetString(response.Body.Span));
        Assert.Equal("text/plain; charset=utf-8", response.Header("Content-Type"));
        Assert.True(response.KeepsConnectionOpen);
        await app.StopAsync();
    }

    [Fact]
    public async Task An_unframed_http10_reply_is_read_to_close_and_fails_framing_and_keep_alive()
    {
        await using var server = new RawServer("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nok\n", closeAfterReply: true);

        var outcome = await WireClient.SendAsync(server.BaseUri, WireRequest.Get("/healthz"), Timeout, CancellationToken.None);
        var keepAlive = await KeepAliveCheck.RunAsync(server.BaseUri, TestProtocol.Healthz, "raw", Timeout, CancellationToken.None);

        var response = Assert.IsType<WireResponse>(outcome.Response);
        Assert.True(response.BodyReadToClose);
        Assert.Equal("ok\n", Encoding.UTF8.GetString(response.Body.Span));
        Assert.Equal(ParityStatus.Fail, TransportChecks.Framing(response, "raw").Status);
        Assert.Equal(ParityStatus.Fail, keepAlive.Single("keepalive.connection", ParityStatus.Fail).Status);
        Assert.Equal("not attempted", keepAlive.Single("keepalive.reuse", ParityStatus.Fail).Observed);
    }

    [Fact]
    public async Task A_server_that_closes_after_one_response_without_saying_so_fails_reuse()
    {
        await using var server = new RawServer("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n", closeAfterReply: true);

        var findings = await KeepAliveCheck.RunAsync(server.BaseUri, TestProtocol.Healthz, "raw", Timeout, CancellationToken.None);

        Assert.Equal(ParityStatus.Pass, findings.Single(f => f.Check == "keepalive.connection").Status);
        var reuse = findings.Single("keepalive.reuse", ParityStatus.Fail);
        Assert.StartsWith("second request on the same socket failed: ", reuse.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silent_server_and_a_closed_port_become_errors_not_exceptions()
    {
        await using var silent = new RawServer(reply: null, closeAfterReply: false);
        var closedPort = new Uri($"http://127.0.0.1:{FreePort()}");

        var timedOut = await WireClient.SendAsync(silent.BaseUri, WireRequest.Get("/"), TimeSpan.FromMilliseconds(200), CancellationToken.None);
        var refused = await WireClient.SendAsync(closedPort, WireRequest.Get("/"), Timeout, CancellationToken.None);

        Assert.Equal("no response within 0.2 s", timedOut.Error);
        Assert.StartsWith("socket error: ConnectionRefused", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_status_line_is_reported()
    {
        await using var server = new RawServer("SMTP ready\r\n\r\n", closeAfterReply: true);

        var outcome = await WireClient.SendAsync(server.BaseUri, WireRequest.Get("/"), Timeout, CancellationToken.None);

        Assert.Equal("malformed response: malformed status line \"SMTP ready\"", outcome.Error);
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
