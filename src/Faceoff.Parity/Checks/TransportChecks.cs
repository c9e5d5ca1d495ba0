using System.Collections.Immutable;
using System.Diagnostics;
using Faceoff.Parity.Http;

namespace Faceoff.Parity.Checks;

/// <summary>Transport hygiene in the spirit of TechEmpower's verifier: framing, Date, and whether a Server header is sent.</summary>
public static class TransportChecks
{
    /// <summary>The Date header has one-second resolution; reads this far apart must show different values.</summary>
    public static readonly TimeSpan DateGap = TimeSpan.FromSeconds(1.1);

    /// <summary>
    /// Servers cache Date and refresh it on a timer (Kestrel's heartbeat is 1 s), so a value may lag one tick;
    /// re-read for this long before calling it frozen.
    /// </summary>
    public static readonly TimeSpan DateGrace = TimeSpan.FromSeconds(1.5);

    private static readonly TimeSpan DateRetryPause = TimeSpan.FromMilliseconds(250);

    public static ImmutableArray<ParityFinding> Evaluate(WireResponse response, string subject) =>
        [Framing(response, subject), DatePresent(response, subject), ServerHeader(response, subject)];

    public static ParityFinding Framing(WireResponse response, string subject)
    {
        ArgumentNullException.ThrowIfNull(response);
        var length = response.Header("Content-Length");
        var encoding = response.Header("Transfer-Encoding");
        if (length is null && encoding is null)
        {
            return ParityFinding.Fail(
                "transport.framing",
                subject,
                "neither Content-Length nor Transfer-Encoding: the body ends only when the connection closes",
                "Content-Length or Transfer-Encoding",
                "neither");
        }

        var observed = encoding is not null ? $"Transfer-Encoding: {encoding}" : $"Content-Length: {length}";
        return ParityFinding.Pass("transport.framing", subject, observed, "Content-Length or Transfer-Encoding", observed);
    }

    public static ParityFinding DatePresent(WireResponse response, string subject)
    {
        ArgumentNullException.ThrowIfNull(response);
        var date = response.Header("Date");
        return date is null
            ? ParityFinding.Warn("transport.date", subject, "no Date header (RFC 9110 §6.6.1: an origin server with a clock must send one)", "present", "absent")
            : ParityFinding.Pass("transport.date", subject, $"Date: {date}", "present", date);
    }

    public static ParityFinding ServerHeader(WireResponse response, string subject)
    {
        ArgumentNullException.ThrowIfNull(response);
        var server = response.Header("Server");
        return new ParityFinding(
            "transport.server_header", ParityStatus.Info, subject, null, server ?? "absent", server is null ? "no Server header" : $"Server: {server}");
    }

    /// <summary>
    /// Reads Date twice at least <see cref="DateGap"/> apart (then a few more times within <see cref="DateGrace"/>)
    /// and warns when it never changes: a frozen Date is cached output, not a live server.
    /// </summary>
    public static async Task<ParityFinding> DateAdvancesAsync(Uri baseUri, string path, string subject, TimeSpan timeout, CancellationToken ct)
    {
        const string check = "transport.date_frozen";
        var first = await WireClient.SendAsync(baseUri, WireRequest.Get(path), timeout, ct).ConfigureAwait(false);
        var firstDate = first.Response?.Header("Date");
        if (firstDate is null)
        {
            return new ParityFinding(check, ParityStatus.Info, subject, "changes", null, $"not checked: {first.Error ?? "no Date header"}");
        }

        var clock = Stopwatch.StartNew();
        await Task.Delay(DateGap, ct).ConfigureAwait(false);
        string? last = null;
        while (true)
        {
            var next = await WireClient.SendAsync(baseUri, WireRequest.Get(path), timeout, ct).ConfigureAwait(false);
            last = next.Response?.Header("Date") ?? next.Error ?? "no Date header";
            if (last != firstDate)
            {
                return ParityFinding.Pass(check, subject, $"Date advanced from \"{firstDate}\" to \"{last}\" in {clock.Elapsed.TotalSeconds:0.0} s", "changes", last);
            }

            if (clock.Elapsed >= DateGap + DateGrace)
            {
                return ParityFinding.Warn(
                    check, subject, $"Date stayed \"{firstDate}\" for {clock.Elapsed.TotalSeconds:0.0} s", "changes within a second", last);
            }

            await Task.Delay(DateRetryPause, ct).ConfigureAwait(false);
        }
    }
}
