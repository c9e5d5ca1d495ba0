using System.Diagnostics;

namespace Faceoff.Targets.Processes;

/// <summary>How waiting for readiness ended.</summary>
internal enum ReadinessOutcome
{
    Ready,
    Exited,
    TimedOut,
}

/// <summary>Polls a server's readiness path until it answers 200, the process exits, or time runs out.</summary>
internal static class Readiness
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxInterval = TimeSpan.FromMilliseconds(250);

    // No proxy: an http_proxy in the environment must never see loopback benchmark traffic.
    private static readonly HttpClient Client = new(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = AttemptTimeout })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <returns>The outcome and, unless ready, what the last attempt saw.</returns>
    public static async Task<(ReadinessOutcome Outcome, string LastAttempt)> WaitAsync(
        Uri uri, Process process, TimeSpan timeout, CancellationToken ct)
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

            (var ready, last) = await TryOnceAsync(uri, ct).ConfigureAwait(false);
            if (ready)
            {
                return (ReadinessOutcome.Ready, last);
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
