using Faceoff.Hosts.Load;
using Faceoff.Load;

namespace Faceoff.Campaign.Live;

/// <summary>
/// Several load hosts' pass as one <see cref="LoadResult"/>, so the statistics, cell files and histogram logs treat
/// it as any local pass: counts and histograms added, throughput over the common window (see <see cref="LoadMerge"/>).
/// </summary>
internal static class MergedResult
{
    public static LoadResult From(MergedLoad merged, string url, string method, double durationSeconds)
    {
        var parts = merged.Parts.Select(p => p.Result).ToList();
        var elapsed = merged.WindowSeconds > 0 ? merged.WindowSeconds : parts.Max(p => p.Summary.ElapsedSeconds);
        var summary = new LoadSummary
        {
            Requests = merged.Requests,
            Completed = merged.Completed,
            Errors = merged.Errors,
            Non2xx = merged.Non2xx,
            ElapsedSeconds = elapsed,
            RequestsPerSecond = merged.RequestsPerSecond,
            BytesRead = parts.Sum(p => p.Summary.BytesRead),
            BytesWritten = parts.Sum(p => p.Summary.BytesWritten),
            BytesReadPerSecond = parts.Sum(p => p.Summary.BytesReadPerSecond),
            Latency = merged.LatencySummary,
            UncorrectedLatency = merged.UncorrectedLatency is { } u ? LatencySummary.From(u) : null,
            LateSends = parts.Sum(p => p.Summary.LateSends),
            MissedSends = parts.Sum(p => p.Summary.MissedSends),
            Sampled = parts.Sum(p => p.Summary.Sampled),
            Violations = parts.Sum(p => p.Summary.Violations),
        };
        return new LoadResult
        {
            Run = new LoadRunInfo
            {
                Url = url,
                Method = method,
                Connections = parts.Sum(p => p.Run.Connections),
                Threads = parts.Sum(p => p.Run.Threads),
                DurationSeconds = durationSeconds,
                TimeoutSeconds = parts.Max(p => p.Run.TimeoutSeconds),
                StartedAt = merged.WindowStart,
                Cancelled = parts.Any(p => p.Run.Cancelled),
                HitHardDeadline = parts.Any(p => p.Run.HitHardDeadline),
            },
            Summary = summary,
            Latency = merged.Latency,
            UncorrectedLatency = merged.UncorrectedLatency,
            // Hosts start within the start spread of each other: second k of every host is summed as second k.
            CompletedPerSecond = SumSeries(parts.Select(p => p.CompletedPerSecond)),
            ErrorsPerSecond = SumSeries(parts.Select(p => p.ErrorsPerSecond)),
            StatusCounts = SumCounts(parts.Select(p => p.StatusCounts)),
            ErrorCounts = SumCounts(parts.Select(p => p.ErrorCounts)),
            ErrorExamples = [.. parts.SelectMany(p => p.ErrorExamples).Take(10)],
            ViolationMessages = [.. parts.SelectMany(p => p.ViolationMessages).Take(10)],
        };
    }

    private static long[] SumSeries(IEnumerable<IReadOnlyList<long>> series)
    {
        var all = series.ToList();
        var sum = new long[all.Count == 0 ? 0 : all.Max(s => s.Count)];
        foreach (var one in all)
        {
            for (var k = 0; k < one.Count; k++)
            {
                sum[k] += one[k];
            }
        }
        return sum;
    }

    private static Dictionary<TKey, long> SumCounts<TKey>(IEnumerable<IReadOnlyDictionary<TKey, long>> counts)
        where TKey : notnull
    {
        var sum = new Dictionary<TKey, long>();
        foreach (var (key, value) in counts.SelectMany(c => c))
        {
            sum[key] = sum.GetValueOrDefault(key) + value;
        }
        return sum;
    }
}
