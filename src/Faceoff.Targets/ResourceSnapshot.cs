using System.Collections.Immutable;

namespace Faceoff.Targets;

/// <summary>One reading of a server's process tree from /proc.</summary>
/// <param name="CpuSeconds">User+system time of every live process in the tree plus the children each has reaped.</param>
/// <param name="RssKiB">Sum of VmRSS over the tree.</param>
/// <param name="PeakRssKiB">
/// Sum of VmHWM (each process's own peak) over the tree: an upper bound on the tree's peak, exact for a single process.
/// </param>
/// <param name="ProcessCount">Live processes in the tree; 0 once it is gone.</param>
public sealed record ResourceSnapshot(DateTimeOffset At, double CpuSeconds, long RssKiB, long PeakRssKiB, int ProcessCount);

/// <summary>What a server used while a <see cref="ResourceSampler"/> ran.</summary>
/// <param name="CpuSeconds">CPU time the tree used between the first and the last sample.</param>
/// <param name="AverageCpuCores">CPU seconds per wall second: 1.0 means one core busy throughout.</param>
/// <param name="PeakRssKiB">The largest tree RSS seen by any sample.</param>
/// <param name="HighWaterMarkKiB">The tree's summed VmHWM at the end (see <see cref="ResourceSnapshot.PeakRssKiB"/>).</param>
/// <param name="Samples">Every sample, first to last, for per-second series.</param>
public sealed record ResourceSummary(
    TimeSpan Elapsed,
    double CpuSeconds,
    double AverageCpuCores,
    long RssBeforeKiB,
    long RssAfterKiB,
    long PeakRssKiB,
    long HighWaterMarkKiB,
    ImmutableArray<ResourceSnapshot> Samples);
