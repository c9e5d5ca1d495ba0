using Faceoff.Campaign.Model;
using Faceoff.Reporting.Model;
using Faceoff.Statistics;

namespace Faceoff.Campaign.Publishing;

/// <summary>
/// One side of a stored cell as the statistics take it (<see cref="SideMeasurements"/>) and as the report shows
/// it (<see cref="SideReport"/>). Both hold the cell file's own pass records; nothing is copied field by field.
/// </summary>
internal static class CellMapping
{
    private const int LogTailLines = 40;

    public static SideMeasurements Measurements(CellRecord cell, Side side) => new(
        new SideKey(cell.ProfileOf(side), cell.Scenario, cell.Concurrency),
        [.. cell.Measured(side).Select(pass => pass.Measurement)],
        FailureOf(cell, side));

    public static SideReport Report(CellRecord cell, Side side, SideStatistics statistics)
    {
        var failure = FailureOf(cell, side);
        var own = cell.FailureOf(side);
        return new SideReport(
            cell.Pair,
            cell.ProfileOf(side),
            side,
            cell.Scenario,
            cell.Concurrency,
            failure is null ? CellStatus.Completed : CellStatus.Failed,
            failure is null ? null : new CellFailure(failure, own?.ExitCode, own?.Signal, TailLines(own?.LogTail)),
            Warmup(cell, side),
            [.. cell.Measured(side)],
            statistics,
            cell.ServerOf(side)?.LogPath);
    }

    /// <summary>
    /// A side fails with its own server failure; when the other side's server failed, this side's repeats
    /// are incomplete, so it fails too, naming the other side as the cause.
    /// </summary>
    private static string? FailureOf(CellRecord cell, Side side) =>
        cell.FailureOf(side)?.OneLine
        ?? (cell.Status == CellStatus.Failed ? $"cell not completed: {cell.Failures[0].OneLine}" : null);

    /// <summary>The step's fixed warmup passes, plus the until-stable warmup of the process when it had one.</summary>
    private static WarmupResult? Warmup(CellRecord cell, Side side)
    {
        var passes = cell.Passes.Where(p => p.Kind == PassKind.Warmup && p.Side == side).ToList();
        var stable = cell.ServerOf(side)?.Warmup;
        if (passes.Count == 0 && stable is null)
        {
            return null;
        }
        return new WarmupResult(
            Math.Round(passes.Sum(p => p.Measurement.ElapsedSeconds) + (stable?.Seconds ?? 0), 3),
            passes.Count + (stable?.Throughputs.Count ?? 0),
            stable?.Stabilised,
            stable?.FinalCv);
    }

    private static IReadOnlyList<string> TailLines(string? tail) =>
        string.IsNullOrEmpty(tail) ? [] : [.. tail.Split('\n').TakeLast(LogTailLines)];
}
