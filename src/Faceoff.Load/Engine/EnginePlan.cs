using System.Diagnostics;

namespace Faceoff.Load.Engine;

/// <summary>Read-only settings shared by all workers of a run, precomputed in timestamp ticks.</summary>
internal sealed class EnginePlan
{
    public required byte[] Request { get; init; }

    public required byte[] Address { get; init; }

    public required bool IPv6 { get; init; }

    public required bool NoBody { get; init; }

    public required int MaxHeaderBytes { get; init; }

    public required int TotalConnections { get; init; }

    public required long Start { get; init; }

    /// <summary>No request starts at or after this timestamp (long.MaxValue with a request-count bound).</summary>
    public required long SendEnd { get; init; }

    /// <summary>Everything still in flight is abandoned here (long.MaxValue with a request-count bound).</summary>
    public required long HardDeadline { get; init; }

    public required long TimeoutTicks { get; init; }

    /// <summary>Open loop: ticks between intended sends on one connection; 0 in closed loop.</summary>
    public required long IntervalTicks { get; init; }

    public IResponseSampler? Sampler { get; init; }

    public int SampleEvery { get; init; } = 1;

    public int MinSampled { get; init; }

    public int MaxSampledBodyBytes { get; init; }

    public int InitialSeconds { get; init; } = 64;

    public bool OpenLoop => IntervalTicks > 0;

    /// <summary>A send this late (1 ms) counts as a late send.</summary>
    public static long LateTicks => Stopwatch.Frequency / 1000;

    /// <summary>Pause before reconnecting after a failed connect, so a dead port cannot spin a worker.</summary>
    public static long ConnectBackoffTicks => Stopwatch.Frequency / 100;

    public static double MicrosPerTick => 1_000_000.0 / Stopwatch.Frequency;
}
