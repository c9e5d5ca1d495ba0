using Faceoff.Campaign.Model;
using Faceoff.Protocol.Model;

using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Execution;

/// <summary>
/// Warms a freshly started server until its throughput settles: passes of <c>pass_seconds</c> at the cell's
/// step until those in the last <c>window_seconds</c> vary less than <c>max_cv</c>, or <c>max_seconds</c>
/// has passed. JIT-compiled servers need this (ASP.NET Core takes 15–25 s here); a fixed warmup would
/// either waste time on servers that settle at once or measure ones that have not.
/// </summary>
internal static class StabilityWarmup
{
    public static async Task<(ServerWarmupRecord Record, ServerFailure? Failure)> RunAsync(
        RunContext context,
        ServerSlot slot,
        ScenarioDefinition scenario,
        int concurrency,
        StabilityRule rule,
        CancellationToken cancellationToken)
    {
        var server = slot.Server!;
        var throughputs = new List<double>();
        double? cv = null;
        var started = context.Clock.GetTimestamp();
        double Elapsed() => context.Clock.GetElapsedTime(started).TotalSeconds;
        ServerFailure? failure = null;

        while (Elapsed() < rule.MaxSeconds)
        {
            var pass = new PassContext(slot.Spec.Pair, scenario.Id, concurrency, slot.Side, slot.Profile, PassKind.ServerWarmup, throughputs.Count + 1, 0);
            var seconds = Math.Min(rule.PassSeconds, rule.MaxSeconds - Elapsed());
            var request = new PassRequest(server.BaseUri, scenario, concurrency, PassBound.Seconds(seconds), 0, false);
            var attempt = await PassRunner.RunAsync(context, server, pass, request, meter: false, cancellationToken).ConfigureAwait(false);
            if (attempt.Failure is not null)
            {
                failure = attempt.Failure;
                break;
            }
            throughputs.Add(attempt.Outcome!.Measurement.ThroughputRps);
            cv = WindowCv(throughputs, rule.WindowPasses);
            if (cv < rule.MaxCv)
            {
                break;
            }
        }

        var record = new ServerWarmupRecord(
            slot.Spec.Pair, slot.Side, slot.Profile, scenario.Id, concurrency,
            Math.Round(Elapsed(), 3), failure is null && cv < rule.MaxCv, cv, rule.WindowSeconds, rule.MaxCv, throughputs, rule.PassSeconds);
        return (record, failure);
    }

    /// <summary>Coefficient of variation (sample SD over mean) of the last <paramref name="window"/> values; null until there are that many.</summary>
    public static double? WindowCv(IReadOnlyList<double> values, int window)
    {
        if (window < 2 || values.Count < window)
        {
            return null;
        }
        var last = values.Skip(values.Count - window).ToArray();
        var mean = last.Average();
        if (mean <= 0)
        {
            return null;
        }
        var variance = last.Sum(v => (v - mean) * (v - mean)) / (window - 1);
        return Math.Sqrt(variance) / mean;
    }
}
