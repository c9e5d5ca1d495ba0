using System.Diagnostics;
using System.Security.Cryptography;
using Faceoff.Campaign.Execution;

namespace Faceoff.Campaign.Live;

/// <summary>
/// The machine's speed from a fixed piece of work: SHA-256 over a 64 KiB buffer, 300 times (about 14 ms here). A reading
/// is the fastest of two tries, since interference only ever slows the work down; the calibration is the fastest of
/// seven at the first reading. The work is longer than a scheduler time slice on purpose: a 2 ms probe ran whole inside
/// one slice and read full speed with four busy loops on two cores, so it saw a slower CPU but not a shared one. On a
/// quiet machine short probes stayed within about 10% of their fastest (300 probes: median 1.10×, 99th percentile 1.28×),
/// so a reading under 75% is a machine that something else is slowing. It runs on this process's thread between cells,
/// while the servers are idle, and costs about 30 ms a cell launch.
/// </summary>
internal sealed class MachineSpeedProbe : IMachineSpeed
{
    private const int Rounds = 300;
    private const int Tries = 2;
    private const int CalibrationTries = 7;

    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly byte[] _hash = new byte[SHA256.HashSizeInBytes];
    private long _baselineTicks;

    public double BaselineMilliseconds => Baseline() * 1000.0 / Stopwatch.Frequency;

    public double Measure() => (double)Baseline() / Fastest(Tries);

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
            var start = Stopwatch.GetTimestamp();
            for (var round = 0; round < Rounds; round++)
            {
                SHA256.HashData(_buffer, _hash);
            }

            best = Math.Min(best, Math.Max(1, Stopwatch.GetTimestamp() - start));
        }

        return best;
    }
}
