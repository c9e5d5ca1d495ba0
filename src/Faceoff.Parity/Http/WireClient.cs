using System.Net.Sockets;

namespace Faceoff.Parity.Http;

/// <summary>One-shot requests with a deadline; every way a server can fail becomes a <see cref="WireOutcome"/> error.</summary>
public static class WireClient
{
    public static async Task<WireOutcome> SendAsync(Uri baseUri, WireRequest request, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            var connection = await WireConnection.OpenAsync(baseUri, deadline.Token).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return new WireOutcome(await connection.ExchangeAsync(request, deadline.Token).ConfigureAwait(false), null);
            }
        }
        catch (Exception ex) when (Describe(ex, timeout, ct) is { } error)
        {
            return WireOutcome.Failed(error);
        }
    }

    /// <summary>
    /// Turns an expected network failure into a message, or null for anything else (including the caller's own cancellation),
    /// which then propagates.
    /// </summary>
    public static string? Describe(Exception exception, TimeSpan timeout, CancellationToken callerToken) => exception switch
    {
        OperationCanceledException when !callerToken.IsCancellationRequested => $"no response within {timeout.TotalSeconds:0.###} s",
        SocketException socket => $"socket error: {socket.SocketErrorCode} ({socket.Message})",
        IOException io => $"connection error: {io.Message}",
        WireProtocolException protocol => $"malformed response: {protocol.Message}",
        _ => null,
    };
}
