using System.Globalization;

namespace Faceoff.Statistics;

/// <summary>Per-cell statistics and the quality checks that decide whether a cell may back a verdict.</summary>
public static class SideAnalyzer
{
    public static SideStatistics Analyze(SideMeasurements cell, StatisticsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(cell);
        settings.EnsureValid();

        var repeats = cell.Repeats;
        var throughput = Descriptive.Summarize(repeats.Select(r => r.ThroughputRps));
        var requests = repeats.Sum(r => r.Requests);
        var errors = repeats.Sum(r => r.Errors);
        var violations = repeats.Sum(r => r.ContractViolations);
        var errorRate = ErrorRate(requests, errors);
        var unstable = throughput?.Cv > settings.MaxCv;

        var issues = new List<QualityIssue>();
        if (cell.Failure is not null)
        {
            issues.Add(new(QualityIssueKind.CellFailed, $"cell failed: {cell.Failure}"));
        }
        if (repeats.Count == 0)
        {
            issues.Add(new(QualityIssueKind.NoData, "no measured repeats"));
        }
        if (unstable)
        {
            issues.Add(new(QualityIssueKind.Unstable,
                $"unstable: throughput CV {Format(throughput!.Cv!.Value)} across {throughput.Count} repeats exceeds the bound {Format(settings.MaxCv)}"));
        }
        if (violations > 0)
        {
            issues.Add(new(QualityIssueKind.ContractViolations, $"{violations} contract violation(s) under load"));
        }
        if (errorRate > settings.MaxErrorRate)
        {
            issues.Add(new(QualityIssueKind.Errors,
                $"error rate {Percent(errorRate)} ({errors} of {requests} requests) exceeds {Percent(settings.MaxErrorRate)}"));
        }

        foreach (var (writes, index) in repeats.Select((r, i) => (r.Writes, i)))
        {
            if (writes is { Matches: false })
            {
                issues.Add(new(QualityIssueKind.WriteMismatch,
                    $"lost or phantom writes: pass {index + 1}: 201 × {writes.Expected} but {writes.Inserted} rows inserted"));
            }
        }

        return new SideStatistics(
            cell.Key,
            repeats.Count,
            throughput,
            SummarizeLatency(repeats),
            SummarizePassStability(repeats),
            Descriptive.Summarize(repeats.Select(r => r.Server?.CpuSeconds ?? 0)),
            Descriptive.Summarize(repeats.Select(r => (double)(r.Server?.RssPeakKib ?? 0))),
            requests,
            errors,
            violations,
            errorRate,
            unstable,
            cell.Failure,
            issues);
    }

    private static LatencySummary? SummarizeLatency(IReadOnlyList<PassMeasurement> repeats)
    {
        MetricSummary? Of(Func<LatencyStats, double> pick) => Descriptive.Summarize(repeats.Select(r => pick(r.LatencyUs)));

        var p50 = Of(l => l.P50Us);
        var p75 = Of(l => l.P75Us);
        var p90 = Of(l => l.P90Us);
        var p95 = Of(l => l.P95Us);
        var p99 = Of(l => l.P99Us);
        var p999 = Of(l => l.P999Us);
        var mean = Of(l => l.MeanUs);
        return p50 is null || p75 is null || p90 is null || p95 is null || p99 is null || p999 is null || mean is null
            ? null
            : new LatencySummary(p50, p75, p90, p95, p99, p999, mean);
    }

    private static PassStability SummarizePassStability(IReadOnlyList<PassMeasurement> repeats)
    {
        var perRepeat = repeats.Select(r => Descriptive.Cv(Descriptive.FullSeconds([.. r.PerSecondCompleted.Select(v => (double)v)]))).ToArray();
        var known = perRepeat.OfType<double>().ToArray();
        return known.Length == 0
            ? new PassStability(perRepeat, null, null)
            : new PassStability(perRepeat, Descriptive.Median(known), known.Max());
    }

    // A cell that completed nothing yet saw errors failed every request.
    private static double ErrorRate(long requests, long errors) =>
        requests > 0 ? (double)errors / requests : errors > 0 ? 1 : 0;

    internal static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
}
