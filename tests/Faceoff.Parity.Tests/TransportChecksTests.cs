using Faceoff.Parity.Checks;
using Faceoff.Parity.Tests.Fixtures;

namespace Faceoff.Parity.Tests;

public class TransportChecksTests
{
    [Fact]
    public void Content_length_or_chunked_framing_passes_and_neither_fails()
    {
        var withLength = Responses.Make(200, "text/plain", "ok\n");
        var chunked = withLength.Without("Content-Length") with { Headers = [.. withLength.Without("Content-Length").Headers, new("Transfer-Encoding", "chunked")] };
        var neither = withLength.Without("Content-Length");

        Assert.Equal(ParityStatus.Pass, TransportChecks.Framing(withLength, "a").Status);
        Assert.Equal("Transfer-Encoding: chunked", TransportChecks.Framing(chunked, "a").Observed);
        var failure = TransportChecks.Framing(neither, "a");
        Assert.Equal(ParityStatus.Fail, failure.Status);
        Assert.Equal(("Content-Length or Transfer-Encoding", "neither"), (failure.Expected, failure.Observed));
    }

    [Fact]
    public void A_missing_date_header_warns_and_the_server_header_is_recorded_as_info()
    {
        var response = Responses.Make(200, "text/plain", "ok\n", ("Server", "uvicorn")).Without("Date");

        var findings = TransportChecks.Evaluate(response, "fastapi_comparison_http");

        Assert.Equal(ParityStatus.Warn, findings.Single("transport.date", ParityStatus.Warn).Status);
        Assert.Equal("Server: uvicorn", findings.Single("transport.server_header", ParityStatus.Info).Message);
        Assert.Equal(ParityStatus.Warn, ParityVerdict.Worst(findings));
    }

    [Fact]
    public void Info_findings_alone_count_as_a_pass()
    {
        var findings = TransportChecks.Evaluate(Responses.Make(200, "text/plain", "ok\n"), "a");

        Assert.Equal("no Server header", findings.Single("transport.server_header", ParityStatus.Info).Message);
        Assert.Equal(ParityStatus.Pass, ParityVerdict.Worst(findings));
    }

    [Theory]
    [InlineData("HTTP/1.1", null, true)]
    [InlineData("HTTP/1.1", "keep-alive", true)]
    [InlineData("HTTP/1.1", "close", false)]
    [InlineData("HTTP/1.1", "Upgrade, Close", false)]
    [InlineData("HTTP/1.0", null, false)]
    [InlineData("HTTP/1.0", "keep-alive", true)]
    public void Keep_alive_follows_version_and_connection_header(string version, string? connection, bool keepsOpen)
    {
        var response = connection is null
            ? Responses.Make(200, "text/plain", "ok\n", version)
            : Responses.Make(200, "text/plain", "ok\n", version, ("Connection", connection));

        var finding = KeepAliveCheck.FirstResponse(response, "comparison_http");

        Assert.Equal(keepsOpen, response.KeepsConnectionOpen);
        Assert.Equal(keepsOpen ? ParityStatus.Pass : ParityStatus.Fail, finding.Status);
        Assert.Equal("persistent connection", finding.Expected);
    }

    [Fact]
    public void An_unframed_body_ended_by_close_cannot_keep_the_connection()
    {
        var response = Responses.Make(200, "text/plain", "ok\n").Without("Content-Length") with { BodyReadToClose = true };

        var finding = KeepAliveCheck.FirstResponse(response, "comparison_http");

        Assert.Equal(ParityStatus.Fail, finding.Status);
        Assert.Contains("no length framing", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_response_with_another_status_fails_reuse()
    {
        var finding = KeepAliveCheck.SecondResponse(200, Responses.Make(500, "text/plain", "boom"), "comparison_http");

        Assert.Equal(("keepalive.reuse", ParityStatus.Fail, "200", "500"), (finding.Check, finding.Status, finding.Expected, finding.Observed));
    }
}

public class DateFreshnessTests
{
    [Fact]
    public async Task A_frozen_date_warns_after_the_grace_period()
    {
        const string reply = "HTTP/1.1 200 OK\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n";
        await using var frozen = new RawServer(reply, closeAfterReply: true);

        var finding = await TransportChecks.DateAdvancesAsync(frozen.BaseUri, "/healthz", "frozen", TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(("transport.date_frozen", ParityStatus.Warn), (finding.Check, finding.Status));
        Assert.StartsWith("Date stayed \"Mon, 01 Jan 2024 00:00:00 GMT\" for ", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_date_passes()
    {
        await using var app = await FakeApp.StartAsync();

        var finding = await TransportChecks.DateAdvancesAsync(app.BaseUri, "/healthz", "aspnet", TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(ParityStatus.Pass, finding.Status);
    }
}
