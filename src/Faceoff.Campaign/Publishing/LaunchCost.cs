using Faceoff.Campaign.Model;
using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Publishing;

/// <summary>
/// What one launch of one cell cost in this run, in measured repeats of the cell (one pass of each side): the
/// until-stable warmups of each launch's processes shared over the cells they served, plus the cell's fixed
/// warmup passes, against the mean measured pass. Kalibera &amp; Jones' optimal repeats per launch grow with the
/// square root of this ratio, so the implied design uses the run's own figure rather than a guess.
/// </summary>
/// <remarks>Server start-up and readiness time is not recorded per launch and is left out: the figure is a lower bound.</remarks>
internal static class LaunchCost
{
    /// <summary>The ratio, or null when the run measured nothing to compare with.</summary>
    public static double? InRepeats(IReadOnlyList<CellRecord> cells)
    {
        var cellLaunches = cells.Sum(c => c.LaunchesDone);
        var measured = cells.SelectMany(c => c.Passes).Where(p => p.Kind == PassKind.Measured).ToList();
        if (cellLaunches == 0 || measured.Count == 0)
        {
            return null;
        }
        var repeat = 2 * measured.Average(p => p.Measurement.ElapsedSeconds);
        var stable = CellRecords.Warmups(cells).Sum(w => w.Warmup.Seconds);
        var fixedWarmup = cells.SelectMany(c => c.Passes).Where(p => p.Kind == PassKind.Warmup).Sum(p => p.Measurement.ElapsedSeconds);
        var cost = (stable + fixedWarmup) / cellLaunches / repeat;
        return double.IsFinite(cost) && cost > 0 ? cost : null;
    }
}
