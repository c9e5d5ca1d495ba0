using System.Text;
using Faceoff.Campaign.Execution;
using Faceoff.Campaign.Model;
using Faceoff.Load;
using Faceoff.Parity;
using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Live;

/// <summary>One pass on the Load engine: options from the scenario, the result in the runner's terms.</summary>
internal static class LoadPass
{
    public static async Task<PassOutcome> RunAsync(PassRequest request, IProgress<double>? liveRps, CancellationToken cancellationToken)
    {
        var scenario = request.Scenario;
        var options = new LoadOptions
        {
            Url = new Uri(request.BaseUri, scenario.Path),
            Method = scenario.Method,
            Headers = [.. scenario.Headers],
            Body = scenario.Body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(scenario.Body),
            Connections = request.Concurrency,
            Requests = request.Bound.Requests,
            Duration = request.Bound.DurationSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Sampler = request.SampleEvery > 0 ? new ContractSampler(scenario) : null,
            SampleEvery = Math.Max(1, request.SampleEvery),
        };
        var progress = liveRps is null ? null : new Forward(liveRps);
        var result = await LoadEngine.RunAsync(options, progress, cancellationToken).ConfigureAwait(false);
        // The engine returns what it measured when cancelled; to the runner a cancelled pass did not happen.
        cancellationToken.ThrowIfCancellationRequested();
        return new PassOutcome(
            Summarize(result),
            request.KeepLoadResult ? LoadResultJson.Serialize(result) : null,
            request.KeepLoadResult ? HistogramLog(result) : null);
    }

    private static PassSummary Summarize(LoadResult result)
    {
        var s = result.Summary;
        var l = s.Latency;
        return new PassSummary(
            s.Requests,
            s.Errors,
            Math.Round(s.ElapsedSeconds, 4),
            Math.Round(s.RequestsPerSecond, 2),
            Math.Round(s.BytesReadPerSecond, 1),
            new LatencyStats(Math.Round(l.MeanMicros, 2), Math.Round(l.StdevMicros, 2), l.P50Micros, l.P75Micros, l.P90Micros,
                l.P95Micros, l.P99Micros, l.P999Micros, l.P9999Micros, l.MaxMicros),
            result.CompletedPerSecond,
            result.ErrorsPerSecond,
            result.StatusCounts.ToDictionary(kv => kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kv => kv.Value),
            result.ErrorCounts.ToDictionary(kv => EnumText.Of(kv.Key), kv => kv.Value),
            s.Sampled,
            s.Violations,
            result.ViolationMessages);
    }

    private static string HistogramLog(LoadResult result)
    {
        using var buffer = new MemoryStream();
        HdrLog.Write(buffer, result);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private sealed class Forward(IProgress<double> target) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => target.Report(value.RequestsPerSecond);
    }
}
