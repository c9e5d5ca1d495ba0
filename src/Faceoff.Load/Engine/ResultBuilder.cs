namespace Faceoff.Load.Engine;

/// <summary>Merges the per-worker measurements into one <see cref="LoadResult"/> (counts are added, never averaged).</summary>
internal static class ResultBuilder
{
    private const int MaxMessages = 10;

    public static LoadResult Build(LoadOptions options, Worker[] workers, DateTimeOffset startedAt, TimeSpan elapsed, bool cancelled)
    {
        var stats = workers.Select(w => w.Stats).ToList();
        var latency = LatencyHistograms.Merge(stats.Select(s => s.Latency));
        var uncorrected = options.Rate is null ? null : LatencyHistograms.Merge(stats.Select(s => s.Uncorrected!));
        var seconds = stats.Max(s => s.SecondsUsed);
        var completedPerSecond = new long[seconds];
        var errorsPerSecond = new long[seconds];
        var statusCounts = new SortedDictionary<int, long>();
        var errorCounts = new SortedDictionary<LoadErrorKind, long>();
        foreach (var s in stats)
        {
            for (var i = 0; i < s.SecondsUsed; i++)
            {
                completedPerSecond[i] += s.CompletedPerSecond[i];
                errorsPerSecond[i] += s.ErrorsPerSecond[i];
            }

            for (var code = 0; code < s.StatusCounts.Length; code++)
            {
                if (s.StatusCounts[code] > 0)
                {
                    statusCounts[code] = statusCounts.GetValueOrDefault(code) + s.StatusCounts[code];
                }
            }

            foreach (var kind in Enum.GetValues<LoadErrorKind>())
            {
                if (s.ErrorCounts[(int)kind] > 0)
                {
                    errorCounts[kind] = errorCounts.GetValueOrDefault(kind) + s.ErrorCounts[(int)kind];
                }
            }
        }

        var completed = stats.Sum(s => s.Completed);
        var bytesRead = stats.Sum(s => s.BytesRead);
        var secondsElapsed = Math.Max(elapsed.TotalSeconds, 1e-9);
        var summary = new LoadSummary
        {
            Requests = stats.Sum(s => s.Requests),
            Completed = completed,
            Errors = stats.Sum(s => s.TotalErrors),
            Non2xx = stats.Sum(s => s.Non2xx),
            ElapsedSeconds = elapsed.TotalSeconds,
            RequestsPerSecond = completed / secondsElapsed,
            BytesRead = bytesRead,
            BytesWritten = stats.Sum(s => s.BytesWritten),
            BytesReadPerSecond = bytesRead / secondsElapsed,
            Latency = LatencySummary.From(latency),
            UncorrectedLatency = uncorrected is null ? null : LatencySummary.From(uncorrected),
            LateSends = stats.Sum(s => s.LateSends),
            MissedSends = stats.Sum(s => s.MissedSends),
            Sampled = stats.Sum(s => s.Sampled),
            Violations = stats.Sum(s => s.Violations),
        };

        return new LoadResult
        {
            Run = new LoadRunInfo
            {
                Url = options.Url.ToString(),
                Method = options.Method,
                Connections = options.Connections,
                Threads = workers.Length,
                Requests = options.Requests,
                DurationSeconds = options.Duration?.TotalSeconds,
                Rate = options.Rate,
                TimeoutSeconds = options.Timeout.TotalSeconds,
                StartedAt = startedAt,
                Cancelled = cancelled,
                HitHardDeadline = workers.Any(w => w.HitHardDeadline),
            },
            Summary = summary,
            Latency = latency,
            UncorrectedLatency = uncorrected,
            CompletedPerSecond = completedPerSecond,
            ErrorsPerSecond = errorsPerSecond,
            StatusCounts = statusCounts,
            ErrorCounts = errorCounts,
            ErrorExamples = stats.SelectMany(s => s.ErrorExamples).Distinct().Take(MaxMessages).Select(e => $"{e.Kind}: {e.Detail}").ToList(),
            ViolationMessages = stats.SelectMany(s => s.ViolationMessages).Take(MaxMessages).ToList(),
            WorkerSteadyStateAllocatedBytes = stats.Select(s => s.SteadyStateAllocatedBytes).ToList(),
        };
    }
}
