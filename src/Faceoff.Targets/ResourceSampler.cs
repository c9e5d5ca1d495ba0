using System.Collections.Immutable;

namespace Faceoff.Targets;

/// <summary>
/// Samples a server's tree on a timer during a measured pass. A timer rather than a loop on the thread pool:
/// a pass saturates the pool with load-engine work and a sample must not queue behind it for long.
/// </summary>
public sealed class ResourceSampler : IDisposable
{
    private readonly Func<ResourceSnapshot> _sample;
    private readonly List<ResourceSnapshot> _samples = [];
    private readonly Lock _gate = new();
    private readonly Timer _timer;
    private ResourceSummary? _summary;

    internal ResourceSampler(Func<ResourceSnapshot> sample, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _sample = sample;
        _samples.Add(sample());
        _timer = new Timer(_ => Tick(), null, interval, interval);
    }

    /// <summary>Samples taken so far (including the one taken at start).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _samples.Count;
            }
        }
    }

    /// <summary>Takes a last sample and summarises; later calls return the same summary.</summary>
    public ResourceSummary Stop()
    {
        _timer.Dispose();
        lock (_gate)
        {
            if (_summary is null)
            {
                _samples.Add(_sample());
                _summary = Summarise([.. _samples]);
            }

            return _summary;
        }
    }

    public void Dispose() => Stop();

    private void Tick()
    {
        lock (_gate)
        {
            if (_summary is null)
            {
                _samples.Add(_sample());
            }
        }
    }

    private static ResourceSummary Summarise(ImmutableArray<ResourceSnapshot> samples)
    {
        var first = samples[0];
        var last = samples[^1];
        var elapsed = last.At - first.At;
        // A process that dies takes its CPU time with it (its parent may not reap it into cutime), so the
        // largest reading, not the last, is the best measure of what the tree used.
        var cpu = Math.Max(0, samples.Max(s => s.CpuSeconds) - first.CpuSeconds);
        return new ResourceSummary(
            elapsed,
            cpu,
            elapsed > TimeSpan.Zero ? cpu / elapsed.TotalSeconds : 0,
            first.RssKiB,
            last.RssKiB,
            samples.Max(s => s.RssKiB),
            samples.Max(s => s.PeakRssKiB),
            samples);
    }
}
