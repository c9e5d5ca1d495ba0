using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Faceoff.Parity.Http;
using Faceoff.Protocol.Model;

namespace Faceoff.Parity.Checks;

/// <summary>What C05 does to a constrained server; every number comes from the protocol.</summary>
/// <param name="ProbePath">The readiness path: the constrained apps limit it too, and it must answer 200 again after the overload.</param>
public sealed record BackpressurePlan(
    string HoldPath,
    double HoldSeconds,
    int MaxInFlight,
    int OverloadStatus,
    string ProbePath,
    double ProbeTimeoutSeconds,
    double RecoveryTimeoutSeconds)
{
    public static BackpressurePlan From(ParitySettings settings, ConstrainedVariant variant, string readinessPath) =>
        new(settings.HoldPath, settings.HoldSeconds, variant.MaxInFlight, variant.OverloadStatus, readinessPath,
            settings.ProbeTimeoutSeconds, settings.RecoveryTimeoutSeconds);
}

/// <summary>One request's outcome: its status (or the error instead), when it was sent and how long it took, in seconds.</summary>
public sealed record TimedStatus(int? Status, double SentAt, double Seconds, string? Error);

/// <summary>Everything C05 saw, for the report: hold outcomes, every probe, every recovery poll.</summary>
/// <param name="OverloadAfter">Seconds from sending the holds to the probe that got the overload status.</param>
/// <param name="RecoveredAfter">Seconds from the last hold finishing to the first 200 on the probe path.</param>
public sealed record BackpressureObservation(
    ImmutableArray<TimedStatus> Holds,
    ImmutableArray<TimedStatus> Probes,
    ImmutableArray<TimedStatus> RecoveryPolls,
    double? OverloadAfter,
    double? RecoveredAfter);

public sealed record BackpressureResult(ImmutableArray<ParityFinding> Findings, BackpressureObservation Observation);

/// <summary>
/// C05: with <c>MaxInFlight</c> hold requests in flight, one more request must be refused with the overload
/// status quickly (not queued), and once the holds end the server must serve again. Bounded: at most
/// <see cref="MaxProbes"/> probes, all inside the holds' lifetime, and recovery polls inside its timeout.
/// </summary>
public static class BackpressureCheck
{
    public const int MaxProbes = 40;

    /// <summary>After the holds are sent, time for the server to read them before the first probe.</summary>
    public static readonly TimeSpan HoldHeadStart = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan ProbePause = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan RecoveryPause = TimeSpan.FromMilliseconds(100);

    /// <summary>Beyond its own duration, how long a hold may take before the check stops waiting for it.</summary>
    private static readonly TimeSpan HoldSlack = TimeSpan.FromSeconds(5);

    public static async Task<BackpressureResult> RunAsync(Uri baseUri, BackpressurePlan plan, string subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var clock = Stopwatch.StartNew();
        var holdRequest = WireRequest.Get($"{plan.HoldPath}?seconds={plan.HoldSeconds.ToString(CultureInfo.InvariantCulture)}");
        var holdTimeout = TimeSpan.FromSeconds(plan.HoldSeconds + plan.ProbeTimeoutSeconds) + HoldSlack;
        var sent = Enumerable.Range(0, plan.MaxInFlight).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
        var holdTasks = sent.Select(signal => HoldAsync(baseUri, holdRequest, holdTimeout, clock, signal, ct)).ToList();

        // Probe only once every hold is on the wire (plus a head start to be read), so no probe overtakes a hold.
        await Task.WhenAll(sent.Select(s => s.Task)).ConfigureAwait(false);
        await Task.Delay(HoldHeadStart, ct).ConfigureAwait(false);
        var probes = await ProbeAsync(baseUri, plan, clock, ct).ConfigureAwait(false);
        var holds = await Task.WhenAll(holdTasks).ConfigureAwait(false);
        var holdsEnded = holds.Length == 0 ? clock.Elapsed.TotalSeconds : holds.Max(h => h.SentAt + h.Seconds);
        var polls = await RecoverAsync(baseUri, plan, clock, holdsEnded, ct).ConfigureAwait(false);

        var overload = probes.FirstOrDefault(p => p.Status == plan.OverloadStatus);
        var recovered = polls.FirstOrDefault(p => p.Status == 200);
        var observation = new BackpressureObservation(
            [.. holds], [.. probes], [.. polls],
            overload is null ? null : overload.SentAt + overload.Seconds,
            recovered is null ? null : recovered.SentAt + recovered.Seconds - holdsEnded);
        return new BackpressureResult(
            [HoldFinding(plan, holds, subject), OverloadFinding(plan, probes, subject), RecoveryFinding(plan, polls, holdsEnded, subject)],
            observation);
    }

    public static ParityFinding HoldFinding(BackpressurePlan plan, IReadOnlyList<TimedStatus> holds, string subject)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(holds);
        var observed = Summarize(holds);
        var bad = holds.Select((h, i) => (Hold: h, Index: i + 1)).FirstOrDefault(h => h.Hold.Status != 200);
        if (holds.Count == 0)
        {
            return ParityFinding.Fail("backpressure.holds", subject, $"max_in_flight={plan.MaxInFlight}: no hold requests to saturate the server", "at least 1 hold", "0");
        }

        if (bad.Hold is null)
        {
            return ParityFinding.Pass(
                "backpressure.holds", subject, $"{holds.Count} holds answered 200 after {holds.Min(h => h.Seconds):0.00}–{holds.Max(h => h.Seconds):0.00} s", "200", observed);
        }

        var why = bad.Hold.Status == plan.OverloadStatus
            ? $"hold {bad.Index} of {holds.Count} was refused with {plan.OverloadStatus}: the server accepts fewer than max_in_flight={plan.MaxInFlight} at once"
            : $"hold {bad.Index} of {holds.Count} got {bad.Hold.Status?.ToString(CultureInfo.InvariantCulture) ?? bad.Hold.Error}, expected 200 from {plan.HoldPath}";
        return ParityFinding.Fail("backpressure.holds", subject, why, "200", observed);
    }

    public static ParityFinding OverloadFinding(BackpressurePlan plan, IReadOnlyList<TimedStatus> probes, string subject)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(probes);
        var expected = $"{plan.OverloadStatus} within {plan.ProbeTimeoutSeconds:0.###} s";
        var observed = Summarize(probes);
        var hit = probes.Select((p, i) => (Probe: p, Index: i + 1)).FirstOrDefault(p => p.Probe.Status == plan.OverloadStatus);
        if (hit.Probe is not null && hit.Probe.Seconds <= plan.ProbeTimeoutSeconds)
        {
            return ParityFinding.Pass(
                "backpressure.overload", subject, $"probe {hit.Index} got {plan.OverloadStatus} in {hit.Probe.Seconds:0.000} s with {plan.MaxInFlight} holds in flight", expected, observed);
        }

        var stalled = probes.FirstOrDefault(p => p.Status is null && p.Seconds >= plan.ProbeTimeoutSeconds);
        var why = stalled is not null
            ? $"probe got no response within {plan.ProbeTimeoutSeconds:0.###} s with {plan.MaxInFlight} holds in flight (queued, not refused); expected {plan.OverloadStatus}"
            : $"no {plan.OverloadStatus} with {plan.MaxInFlight} holds in flight: {probes.Count} probes answered {observed}";
        return ParityFinding.Fail("backpressure.overload", subject, why, expected, observed);
    }

    /// <param name="holdsEnded">When the last hold finished, on the same clock as the polls' <see cref="TimedStatus.SentAt"/>.</param>
    public static ParityFinding RecoveryFinding(BackpressurePlan plan, IReadOnlyList<TimedStatus> polls, double holdsEnded, string subject)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(polls);
        var expected = $"200 from {plan.ProbePath} within {plan.RecoveryTimeoutSeconds:0.###} s after the holds end";
        var observed = Summarize(polls);
        var ok = polls.FirstOrDefault(p => p.Status == 200);
        if (ok is not null)
        {
            var after = ok.SentAt + ok.Seconds - holdsEnded;
            return ParityFinding.Pass(
                "backpressure.recovery", subject, $"{plan.ProbePath} answered 200 again {after:0.000} s after the holds ended ({polls.Count} poll(s))", expected, observed);
        }

        var span = polls.Count > 0 ? polls[^1].SentAt + polls[^1].Seconds - holdsEnded : 0;
        return ParityFinding.Fail(
            "backpressure.recovery",
            subject,
            $"{plan.ProbePath} did not answer 200 within {plan.RecoveryTimeoutSeconds:0.###} s after the holds ended ({polls.Count} polls over {span:0.0} s: {observed})",
            expected,
            observed);
    }

    /// <summary>Statuses with counts in order of first appearance, e.g. <c>200×3, 503×1</c>.</summary>
    public static string Summarize(IEnumerable<TimedStatus> outcomes) =>
        string.Join(", ", (outcomes ?? []).GroupBy(o => o.Status?.ToString(CultureInfo.InvariantCulture) ?? o.Error ?? "?").Select(g => $"{g.Key}×{g.Count()}"));

    private static async Task<List<TimedStatus>> ProbeAsync(Uri baseUri, BackpressurePlan plan, Stopwatch clock, CancellationToken ct)
    {
        // Probes are only meaningful while the holds occupy the server.
        var window = TimeSpan.FromSeconds(plan.HoldSeconds);
        var timeout = TimeSpan.FromSeconds(plan.ProbeTimeoutSeconds);
        var probes = new List<TimedStatus>();
        while (probes.Count < MaxProbes && clock.Elapsed < window)
        {
            var probe = await TimedAsync(baseUri, WireRequest.Get(plan.ProbePath), timeout, clock, ct).ConfigureAwait(false);
            probes.Add(probe);
            var stalled = probe.Status is null && probe.Seconds >= plan.ProbeTimeoutSeconds;
            if (probe.Status == plan.OverloadStatus || stalled)
            {
                break;
            }

            await Task.Delay(ProbePause, ct).ConfigureAwait(false);
        }

        return probes;
    }

    private static async Task<List<TimedStatus>> RecoverAsync(Uri baseUri, BackpressurePlan plan, Stopwatch clock, double holdsEnded, CancellationToken ct)
    {
        var deadline = TimeSpan.FromSeconds(holdsEnded + plan.RecoveryTimeoutSeconds);
        var polls = new List<TimedStatus>();
        // A poll given less than a pause's worth of time could only time out; such a sliver is not a real attempt.
        while (deadline - clock.Elapsed >= RecoveryPause)
        {
            var poll = await TimedAsync(baseUri, WireRequest.Get(plan.ProbePath), deadline - clock.Elapsed, clock, ct).ConfigureAwait(false);
            polls.Add(poll);
            if (poll.Status == 200)
            {
                break;
            }

            await Task.Delay(RecoveryPause, ct).ConfigureAwait(false);
        }

        return polls;
    }

    /// <summary>A hold request that signals once its bytes are sent (or once it failed), then waits for its response.</summary>
    private static async Task<TimedStatus> HoldAsync(
        Uri baseUri, WireRequest request, TimeSpan timeout, Stopwatch clock, TaskCompletionSource sent, CancellationToken ct)
    {
        var sentAt = clock.Elapsed;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            var connection = await WireConnection.OpenAsync(baseUri, deadline.Token).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await connection.SendAsync(request, deadline.Token).ConfigureAwait(false);
                sent.TrySetResult();
                var response = await connection.ReceiveAsync(request.Method, deadline.Token).ConfigureAwait(false);
                return new TimedStatus(response.Status, sentAt.TotalSeconds, (clock.Elapsed - sentAt).TotalSeconds, null);
            }
        }
        catch (Exception ex) when (WireClient.Describe(ex, timeout, ct) is { } error)
        {
            return new TimedStatus(null, sentAt.TotalSeconds, (clock.Elapsed - sentAt).TotalSeconds, error);
        }
        finally
        {
            // A hold that failed to send must not keep the probes waiting.
            sent.TrySetResult();
        }
    }

    private static async Task<TimedStatus> TimedAsync(Uri baseUri, WireRequest request, TimeSpan timeout, Stopwatch clock, CancellationToken ct)
    {
        var sentAt = clock.Elapsed;
        var outcome = await WireClient.SendAsync(baseUri, request, timeout, ct).ConfigureAwait(false);
        return new TimedStatus(outcome.Response?.Status, sentAt.TotalSeconds, (clock.Elapsed - sentAt).TotalSeconds, outcome.Error);
    }
}
