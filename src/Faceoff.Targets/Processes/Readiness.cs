using System.Diagnostics;

namespace Faceoff.Targets.Processes;

/// <summary>How waiting for readiness ended.</summary>
internal enum ReadinessOutcome
{
    Ready,
    Exited,
    TimedOut,

    /// <summary>The 200 came from a process outside the server's tree that holds the port.</summary>
    ForeignListener,
}

/// <summary>
/// Polls a server's readiness path until it answers 200 from a socket the server's tree holds, the process
/// exits, or time runs out.
/// </summary>
internal static class Readiness
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxInterval = TimeSpan.FromMilliseconds(250);

    // No proxy: an http_proxy in the environment must never see loopback benchmark traffic.
    private static readonly HttpClient Client = new(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = AttemptTimeout })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <param name="checkListener">Tells who holds the listening socket; called only after a 200.</param>
    /// <returns>The outcome and what the last attempt saw (when ready or foreign: who holds the port).</returns>
    public static async Task<(ReadinessOutcome Outcome, string LastAttempt)> WaitAsync(
        Uri uri, Process process, TimeSpan timeout, Func<ListenerCheck> checkListener, CancellationToken ct)
    {
        var exited = process.WaitForExitAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromMilliseconds(25);
        var last = "no attempt yet";
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (exited.IsCompleted)
            {
                return (ReadinessOutcome.Exited, last);
            }

            (var answered, last) = await TryOnceAsync(uri, ct).ConfigureAwait(false);
            if (answered)
            {
                // A 200 only proves that something answers on the port: another process may have taken it between
                // the free-port check and our server's bind. Checked on a 200 alone, so polling stays cheap.
                var listener = checkListener();
                switch (listener.Owner)
                {
                    case ListenerOwner.Foreign:
                        return (ReadinessOutcome.ForeignListener, listener.Detail);
                    case ListenerOwner.NotListening:
                        // The listener closed right after answering (a restarting server): not ready yet.
                        last = $"HTTP 200, but {listener.Detail}";
                        break;
                    default:
                        return (ReadinessOutcome.Ready, listener.Detail);
                }
            }

            if (clock.Elapsed >= timeout)
            {
                return (ReadinessOutcome.TimedOut, last);
            }

            // Wake early if the process dies, so a crash is reported at once rather than after the timeout.
            await Task.WhenAny(exited, Task.Delay(interval, ct)).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxInterval.Ticks));
        }
    }

    private static async Task<(bool Ready, string Seen)> TryOnceAsync(Uri uri, CancellationToken ct)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(AttemptTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            // Close after each probe so no idle readiness connection lingers inside the server under test.
            request.Headers.ConnectionClose = true;
            using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return (status == 200, $"HTTP {status}");
        }
        catch (HttpRequestException ex)
        {
            return (false, ex.InnerException?.Message ?? ex.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (false, $"no answer within {AttemptTimeout.TotalSeconds:0.#} s");
        }
    }
}
