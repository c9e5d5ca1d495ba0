using System.Collections.Immutable;
using Faceoff.Campaign.Model;
using Faceoff.Reporting.Model;
using Faceoff.Statistics;

namespace Faceoff.Campaign.Publishing;

/// <summary>
/// Turns one side of a stored cell into what the statistics take (<see cref="SideMeasurements"/>) and what
/// the report shows (<see cref="CellReport"/>). The runner's cell holds both sides; the report's holds one.
/// </summary>
internal static class CellMapping
{
    private const int LogTailLines = 40;

    public static SideMeasurements Measurements(MatchupRecord cell, Side side) => new(
        new SideKey(cell.ProfileOf(side), cell.Scenario, cell.Concurrency),
        [.. cell.Measured(side).Select(pass => Repeat(pass).ToMeasurement())],
        FailureOf(cell, side));

    public static CellReport Report(MatchupRecord cell, Side side, SideStatistics statistics)
    {
        var failure = FailureOf(cell, side);
        var own = cell.FailureOf(side);
        return new CellReport(
            cell.Pair,
            cell.ProfileOf(side),
            side == Side.Candidate ? ProfileRole.Candidate : ProfileRole.Reference,
            cell.Scenario,
            cell.Concurrency,
            failure is null ? CellStatus.Ok : CellStatus.Failed,
            failure is null ? null : new CellFailure(failure, own?.ExitCode, own?.Signal, TailLines(own?.LogTail)),
            Warmup(cell, side),
            [.. cell.Measured(side).Select(Repeat)],
            Aggregates(statistics),
            cell.ServerOf(side)?.LogPath);
    }

    /// <summary>
    /// A side fails with its own server failure; when the other side's server failed, this side's repeats
    /// are incomplete, so it fails too, naming the other side as the cause.
    /// </summary>
    private static string? FailureOf(MatchupRecord cell, Side side) =>
        cell.FailureOf(side)?.OneLine
        ?? (cell.Status == MatchupStatus.Failed ? $"cell not completed: {cell.Failures[0].OneLine}" : null);

    private static RepeatResult Repeat(PassRecord pass)
    {
        var s = pass.Summary;
        var r = pass.Resources;
        return new RepeatResult(
            pass.Repeat,
            s.Requests,
            s.Errors,
            s.ErrorCounts.ToImmutableSortedDictionary(StringComparer.Ordinal),
            s.StatusCounts.ToImmutableSortedDictionary(StringComparer.Ordinal),
            s.ElapsedSeconds,
            s.ThroughputRps,
            s.BytesPerSecond,
            s.LatencyUs,
            s.PerSecondCompleted,
            s.PerSecondErrors,
            s.SampledResponses,
            s.ContractViolations,
            s.FirstViolations,
            r?.CpuSeconds ?? 0,
            r?.RssBeforeKib ?? 0,
            r?.RssAfterKib ?? 0,
            r?.RssPeakKib ?? 0,
            pass.LoadResultPath,
            pass.HistogramLogPath);
    }

    /// <summary>The step's fixed warmup passes, plus the until-stable warmup of the process when it had one.</summary>
    private static WarmupResult? Warmup(MatchupRecord cell, Side side)
    {
        var passes = cell.Passes.Where(p => p.Kind == PassKind.Warmup && p.Side == side).ToList();
        var stable = cell.ServerOf(side)?.Warmup;
        if (passes.Count == 0 && stable is null)
        {
            return null;
        }
        return new WarmupResult(
            Math.Round(passes.Sum(p => p.Summary.ElapsedSeconds) + (stable?.Seconds ?? 0), 3),
            passes.Count + (stable?.Throughputs.Count ?? 0),
            stable?.Stabilised,
            stable?.FinalCv);
    }

    private static CellAggregates? Aggregates(SideStatistics s) =>
        s.Throughput is null || s.Latency is null || s.ServerCpuSeconds is null || s.RssPeakKib is null
            ? null
            : new CellAggregates(
                Spread(s.Throughput),
                new LatencySpread(
                    Spread(s.Latency.P50), Spread(s.Latency.P75), Spread(s.Latency.P90), Spread(s.Latency.P95),
                    Spread(s.Latency.P99), Spread(s.Latency.P999), Spread(s.Latency.Mean)),
                new PassStabilityStats(s.PassStability.PerRepeatCv, s.PassStability.MedianCv, s.PassStability.MaxCv),
                Spread(s.ServerCpuSeconds),
                Spread(s.RssPeakKib),
                s.Requests,
                s.Errors,
                s.ContractViolations,
                s.IsUnstable,
                [.. s.Issues.Select(i => i.Message)]);

    private static MetricSpread Spread(MetricSummary m) => new(m.Count, m.Median, m.Q1, m.Q3, m.Iqr, m.Min, m.Max, m.Mean, m.Cv);

    private static IReadOnlyList<string> TailLines(string? tail) =>
        string.IsNullOrEmpty(tail) ? [] : [.. tail.Split('\n').TakeLast(LogTailLines)];
}
