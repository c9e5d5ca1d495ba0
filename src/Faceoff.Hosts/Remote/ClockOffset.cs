using System.Diagnostics;
using System.Globalization;

namespace Faceoff.Hosts.Remote;

/// <summary>
/// A host's clock relative to ours, measured NTP-style: local t0, the host's time, local t1. The host read its
/// clock somewhere between t0 and t1, so the true offset lies within ± round-trip/2 of <see cref="OffsetMs"/>.
/// </summary>
/// <param name="OffsetMs">Host time minus local time at the same instant, milliseconds.</param>
/// <param name="RoundTripMs">The round trip of the exchange kept (the shortest of all tried).</param>
public sealed record ClockOffset(string Host, double OffsetMs, double RoundTripMs, int Exchanges, DateTimeOffset MeasuredAt)
{
    /// <summary>The bound on the measurement error.</summary>
    public double UncertaintyMs => RoundTripMs / 2;

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Host}: clock offset {OffsetMs:+0.000;-0.000} ms ± {UncertaintyMs:0.000} ms (best round trip of {Exchanges})");
}

public static class ClockOffsets
{
    // One session answers each line on stdin with the host's time in nanoseconds, so an exchange costs a
    // round trip over the established channel, not a new session.
    private const string Responder = "while read -r _; do date +%s%N; done";

    public static async Task<(ClockOffset? Offset, string? Error)> MeasureAsync(IHost host, CancellationToken ct, int exchanges = 9)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(exchanges, 1);
        var start = host.CreateStartInfo(Responder);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        ClockOffset? best = null;
        try
        {
            // The first exchange also pays for the session and the shell starting; it is usually not the shortest.
            for (var i = 0; i < exchanges + 1; i++)
            {
                var t0 = DateTimeOffset.UtcNow;
                await process.StandardInput.WriteLineAsync("t".AsMemory(), deadline.Token).ConfigureAwait(false);
                await process.StandardInput.FlushAsync(deadline.Token).ConfigureAwait(false);
                var line = await process.StandardOutput.ReadLineAsync(deadline.Token).ConfigureAwait(false);
                var t1 = DateTimeOffset.UtcNow;
                if (line is null || !long.TryParse(line.Trim(), CultureInfo.InvariantCulture, out var remoteNs))
                {
                    return (null, $"host '{host.Name}': clock read failed: {(line is null ? (await errors.ConfigureAwait(false)).Trim() : $"unexpected answer '{line}'")}");
                }

                var localMidNs = ((t0 + ((t1 - t0) / 2)).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100.0;
                var candidate = new ClockOffset(host.Name, (remoteNs - localMidNs) / 1e6, (t1 - t0).TotalMilliseconds, exchanges, t0);
                if (i > 0 && (best is null || candidate.RoundTripMs < best.RoundTripMs))
                {
                    best = candidate;
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"host '{host.Name}': clock read timed out");
        }
        finally
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(5000))
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (best, null);
    }
}
