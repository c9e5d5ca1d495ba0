using System.Collections.Immutable;
using Faceoff.Load;
using HdrHistogram;

namespace Faceoff.Hosts.Load;

/// <summary>One load host's part of a distributed pass.</summary>
/// <param name="StartOnLocalClock">When that host's engine started, corrected by its clock offset to this machine's clock.</param>
public sealed record HostLoadPart(string Host, LoadResult Result, ClockOffsetValue? ClockOffset, DateTimeOffset StartOnLocalClock);

/// <summary>The offset used to correct a host's timestamps (host minus local), with its uncertainty.</summary>
public sealed record ClockOffsetValue(double OffsetMs, double UncertaintyMs);

/// <summary>
/// Several hosts' load merged: latency histograms added count by count (never averaged percentiles), throughput
/// summed over the window every host was loading.
/// </summary>
/// <param name="RequestsPerSecond">Sum over hosts of each one's rate in the seconds that lie wholly in the common window.</param>
/// <param name="WindowStart">Latest start (local clock): from here every host was loading.</param>
/// <param name="WindowSeconds">From the latest start to the earliest end.</param>
/// <param name="StartSpreadMs">Latest minus earliest start: how well the common start instant held.</param>
public sealed record MergedLoad(
    LongHistogram Latency,
    LongHistogram? UncorrectedLatency,
    LatencySummary LatencySummary,
    long Requests,
    long Completed,
    long Errors,
    long Non2xx,
    double RequestsPerSecond,
    DateTimeOffset WindowStart,
    double WindowSeconds,
    double StartSpreadMs,
    ImmutableArray<HostLoadPart> Parts);

public static class LoadMerge
{
    public static MergedLoad Merge(IReadOnlyList<HostLoadPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        var latency = LatencyHistograms.Merge(parts.Select(p => p.Result.Latency));
        var uncorrected = parts.All(p => p.Result.UncorrectedLatency is not null)
            ? LatencyHistograms.Merge(parts.Select(p => p.Result.UncorrectedLatency!))
            : null;
        var starts = parts.Select(p => p.StartOnLocalClock).ToList();
        var windowStart = starts.Max();
        var windowEnd = parts.Min(p => p.StartOnLocalClock.AddSeconds(p.Result.Summary.ElapsedSeconds));
        var window = Math.Max(0, (windowEnd - windowStart).TotalSeconds);
        return new MergedLoad(
            latency,
            uncorrected,
            LatencySummary.From(latency),
            parts.Sum(p => p.Result.Summary.Requests),
            parts.Sum(p => p.Result.Summary.Completed),
            parts.Sum(p => p.Result.Summary.Errors),
            parts.Sum(p => p.Result.Summary.Non2xx),
            parts.Sum(p => RateInWindow(p, windowStart, windowEnd)),
            windowStart,
            window,
            (windowStart - starts.Min()).TotalMilliseconds,
            [.. parts]);
    }

    /// <summary>
    /// A host's completions per second over its one-second buckets that lie wholly inside the common window; its
    /// whole-run rate when no bucket does (a pass shorter than about two seconds).
    /// </summary>
    internal static double RateInWindow(HostLoadPart part, DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        var series = part.Result.CompletedPerSecond;
        long completed = 0;
        var seconds = 0;
        for (var k = 0; k < series.Count; k++)
        {
            var bucketStart = part.StartOnLocalClock.AddSeconds(k);
            if (bucketStart >= windowStart && bucketStart.AddSeconds(1) <= windowEnd)
            {
                completed += series[k];
                seconds++;
            }
        }

        return seconds > 0 ? completed / (double)seconds : part.Result.Summary.RequestsPerSecond;
    }
}
