using Faceoff.Campaign.Model;
using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Execution;

/// <summary>
/// A cell launch whose repeats on one server process disagree beyond the reproducibility bound was disturbed, not
/// measured: the repeats of one launch share a process, so their spread is normally a few percent (within-launch
/// variance of ln throughput about 0.01 here), and a CV above the bound (0.4 by default) means one repeat ran at a
/// fraction of the others. Seen: a cold code path's first repeat at 15k req/s against 34–37k after, and repeats of both
/// servers at half speed while the whole machine slowed. Such a launch would make the row unstable by itself. It is
/// measured again, once, on the same processes after the machine check; the discarded attempt stays in the cell file
/// (<see cref="DiscardedLaunch"/>) with its pass files and is listed in the report's notes.
/// </summary>
internal static class DisturbedLaunch
{
    /// <summary>A cell launch is measured again once: that bounds the cost and keeps a persistently unstable cell visible.</summary>
    private const int Attempt = 1;

    /// <summary>The side whose repeats in <paramref name="launch"/> spread beyond <paramref name="maxCv"/> (the wider one); null when neither does.</summary>
    public static (Side Side, double Cv)? Find(CellRecord record, int launch, double maxCv)
    {
        (Side Side, double Cv)? widest = null;
        foreach (var side in (Side[])[Side.Candidate, Side.Reference])
        {
            var throughputs = record.Measured(side).Where(p => p.Measurement.Launch == launch).Select(p => p.Measurement.ThroughputRps).ToList();
            if (StabilityWarmup.WindowCv(throughputs, throughputs.Count) is { } cv && cv > maxCv && (widest is null || cv > widest.Value.Cv))
            {
                widest = (side, cv);
            }
        }
        return widest;
    }

    /// <summary>
    /// Sets aside the passes <paramref name="result"/> added after the cell's <paramref name="earlierPasses"/>, their files
    /// moved to <see cref="CellKey.SetAsideFile"/>.
    /// </summary>
    public static (DiscardedLaunch Discarded, Dictionary<string, string> Files) SetAside(
        CellKey key, CellResult result, int earlierPasses, int launch, (Side Side, double Cv) spread, double maxCv, DateTimeOffset at)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Move(string? path)
        {
            if (path is null)
            {
                return null;
            }
            var moved = key.SetAsideFile(path, launch, Attempt);
            files.Add(moved, result.PassFiles[path]);
            return moved;
        }
        var passes = result.Record.Passes.Skip(earlierPasses)
            .Select(p => p with { LoadResultPath = Move(p.LoadResultPath), HistogramLogPath = Move(p.HistogramLogPath) })
            .ToList();
        return (new DiscardedLaunch(launch, spread.Side, Math.Round(spread.Cv, 4), maxCv, at, passes), files);
    }
}
