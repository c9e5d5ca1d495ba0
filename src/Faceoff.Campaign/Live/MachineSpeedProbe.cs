using System.Diagnostics;
using System.Security.Cryptography;
using Faceoff.Campaign.Execution;

namespace Faceoff.Campaign.Live;

/// <summary>
/// The machine's speed from a fixed piece of work run on every core at once: one thread per logical core, each doing
/// SHA-256 over its own 64 KiB buffer 300 times (about 14 ms here); a try takes as long as its slowest thread, so one
/// slowed core slows the reading. A reading is the fastest of two tries, since interference only ever slows the work
/// down; the calibration is the fastest of seven at the first reading, and any faster reading later replaces it, so a
/// run that starts on a busy machine still compares with the machine at its best.
/// <list type="bullet">
/// <item>The work is longer than a scheduler time slice on purpose: a 2 ms probe ran whole inside one slice and read
/// full speed with four busy loops on two cores, so it saw a slower CPU but not a shared one.</item>
/// <item>It covers every core because a single-threaded probe saw nothing while both servers ran at half speed for a
/// minute (a reproduction run, launches 2 and 3): a slowdown of one core is invisible from the other.</item>
/// </list>
/// On a quiet machine short probes stayed within about 10% of their fastest (300 probes: median 1.10×, 99th percentile
/// 1.28×), so a reading under 75% is a machine that something else is slowing. It runs between cells, while the
/// servers are idle, and costs about 30 ms a cell launch.
/// </summary>
internal sealed class MachineSpeedProbe : IMachineSpeed
{
    private const int Rounds = 300;
    private const int Tries = 2;
    private const int CalibrationTries = 7;
    private const int BufferBytes = 64 * 1024;

    private readonly int _cores = Math.Max(1, Environment.ProcessorCount);
    private long _baselineTicks;

    public double BaselineMilliseconds => Baseline() * 1000.0 / Stopwatch.Frequency;

    public double Measure()
    {
        var baseline = Baseline();
        var reading = Fastest(Tries);
        _baselineTicks = Math.Min(baseline, reading);
        return (double)_baselineTicks / reading;
    }

    private long Baseline()
    {
        if (_baselineTicks == 0)
        {
            _baselineTicks = Fastest(CalibrationTries);
        }

        return _baselineTicks;
    }

    private long Fastest(int tries)
    {
        var best = long.MaxValue;
        for (var i = 0; i < tries; i++)
        {
            best = Math.Min(best, SlowestCore());
        }

        return best;
    }

    private long SlowestCore()
    {
        var ticks = new long[_cores];
        using var start = new Barrier(_cores);
        var threads = new Thread[_cores];
        for (var core = 0; core < _cores; core++)
        {
            var index = core;
            threads[core] = new Thread(() =>
            {
                start.SignalAndWait();
                ticks[index] = Work();
            })
            {
                IsBackground = true,
                Name = "faceoff-speed-probe",
            };
            threads[core].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        return ticks.Max();
    }

    private static long Work()
    {
        var buffer = new byte[BufferBytes];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var started = Stopwatch.GetTimestamp();
        for (var round = 0; round < Rounds; round++)
        {
            SHA256.HashData(buffer, hash);
        }

        return Math.Max(1, Stopwatch.GetTimestamp() - started);
    }
}
