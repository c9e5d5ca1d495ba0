using System.Collections.Immutable;
using Faceoff.Parity.Http;
using Faceoff.Protocol.Model;

namespace Faceoff.Parity.Checks;

/// <summary>
/// C04: the load engine measures keep-alive connections, so a server must serve two requests on one socket.
/// Done on a raw socket, so "the same socket" is a fact, not an inference from a connection pool.
/// </summary>
public static class KeepAliveCheck
{
    public static async Task<ImmutableArray<ParityFinding>> RunAsync(
        Uri baseUri, ScenarioDefinition scenario, string subject, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var request = WireRequest.For(scenario);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout * 2);
        WireConnection connection;
        try
        {
            connection = await WireConnection.OpenAsync(baseUri, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (WireClient.Describe(ex, timeout, ct) is { } error)
        {
            return [ParityFinding.Fail("keepalive.connection", subject, $"cannot connect: {error}", "a connection", error)];
        }

        await using (connection.ConfigureAwait(false))
        {
            WireResponse first;
            try
            {
                first = await connection.ExchangeAsync(request, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (WireClient.Describe(ex, timeout, ct) is { } error)
            {
                return [ParityFinding.Fail("keepalive.connection", subject, $"first request failed: {error}", "a response", error)];
            }

            var connectionFinding = FirstResponse(first, subject);
            if (connectionFinding.Status == ParityStatus.Fail)
            {
                // The server announced it will close; a client must not send a second request (RFC 9112 §9.6).
                return [connectionFinding, ParityFinding.Fail(
                    "keepalive.reuse", subject, "second request not sent: the first response ends the connection", "second response on the same socket", "not attempted")];
            }

            try
            {
                var second = await connection.ExchangeAsync(request, deadline.Token).ConfigureAwait(false);
                return [connectionFinding, SecondResponse(scenario.Contract.Status, second, subject)];
            }
            catch (Exception ex) when (WireClient.Describe(ex, timeout, ct) is { } error)
            {
                var why = connection.ClosedByPeer ? $"server closed the socket after the first response ({error})" : error;
                return [connectionFinding, ParityFinding.Fail(
                    "keepalive.reuse", subject, $"second request on the same socket failed: {why}", "second response on the same socket", why)];
            }
        }
    }

    /// <summary>The first response must leave the connection open: no <c>Connection: close</c>, no HTTP/1.0 without keep-alive.</summary>
    public static ParityFinding FirstResponse(WireResponse response, string subject)
    {
        ArgumentNullException.ThrowIfNull(response);
        var connectionHeader = response.Header("Connection");
        var observed = $"{response.HttpVersion}, Connection: {connectionHeader ?? "(absent)"}";
        if (response.KeepsConnectionOpen)
        {
            return ParityFinding.Pass("keepalive.connection", subject, $"connection kept open ({observed})", "persistent connection", observed);
        }

        var why = response.BodyReadToClose
            ? "the body has no length framing, so it ends by closing the connection"
            : connectionHeader is not null && connectionHeader.Contains("close", StringComparison.OrdinalIgnoreCase)
                ? "the first response carries Connection: close"
                : $"{response.HttpVersion} response without Connection: keep-alive";
        return ParityFinding.Fail("keepalive.connection", subject, why, "persistent connection", observed);
    }

    public static ParityFinding SecondResponse(int expectedStatus, WireResponse second, string subject)
    {
        ArgumentNullException.ThrowIfNull(second);
        return second.Status == expectedStatus
            ? ParityFinding.Pass("keepalive.reuse", subject, $"second request on the same socket answered {second.Status}", $"{expectedStatus}", $"{second.Status}")
            : ParityFinding.Fail(
                "keepalive.reuse", subject, $"second request on the same socket answered {second.Status}, expected {expectedStatus}", $"{expectedStatus}", $"{second.Status}");
    }
}
