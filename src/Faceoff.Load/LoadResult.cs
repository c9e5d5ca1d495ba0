using HdrHistogram;

namespace Faceoff.Load;

/// <summary>Why a request failed. Every request sent ends as a response or exactly one of these.</summary>
public enum LoadErrorKind
{
    /// <summary>The TCP connection could not be established.</summary>
    Connect,

    /// <summary>Receiving failed (e.g. connection reset).</summary>
    Read,

    /// <summary>Sending the request failed (e.g. broken pipe).</summary>
    Write,

    /// <summary>No complete response within the timeout.</summary>
    Timeout,

    /// <summary>The bytes received are not a valid HTTP/1.x response (or the header block is oversize).</summary>
    Parse,

    /// <summary>The server closed the connection before the response was complete.</summary>
    ClosedMidResponse,

    /// <summary>Still in flight when the run was cancelled or reached its hard deadline.</summary>
    Cancelled,
}

/// <summary>Progress of a running load, reported about once a second.</summary>
public sealed record LoadProgress(TimeSpan Elapsed, long Completed, long Errors, double RequestsPerSecond);

/// <summary>The headline numbers of a run (latency in microseconds).</summary>
public sealed record LoadSummary
{
    /// <summary>Requests started; always <see cref="Completed"/> + <see cref="Errors"/>.</summary>
    public required long Requests { get; init; }

    /// <summary>Complete responses received, whatever their status.</summary>
    public required long Completed { get; init; }

    public required long Errors { get; init; }

    /// <summary>Completed responses whose status was not 2xx.</summary>
    public required long Non2xx { get; init; }

    public required double ElapsedSeconds { get; init; }

    /// <summary>Completed responses per second of elapsed time.</summary>
    public required double RequestsPerSecond { get; init; }

    public required long BytesRead { get; init; }

    public required long BytesWritten { get; init; }

    public required double BytesReadPerSecond { get; init; }

    /// <summary>Latency; in open loop measured from the intended send time (coordinated-omission corrected).</summary>
    public required LatencySummary Latency { get; init; }

    /// <summary>Open loop only: latency measured from the actual send time.</summary>
    public LatencySummary? UncorrectedLatency { get; init; }

    /// <summary>Open loop: requests sent at least 1 ms after their intended time.</summary>
    public long LateSends { get; init; }

    /// <summary>Open loop with a duration: intended send times that passed without the request being sent.</summary>
    public long MissedSends { get; init; }

    public long Sampled { get; init; }

    public long Violations { get; init; }
}

/// <summary>How the run was configured and how it ended (the echo stored with the result).</summary>
public sealed record LoadRunInfo
{
    public required string Url { get; init; }

    public required string Method { get; init; }

    public required int Connections { get; init; }

    public required int Threads { get; init; }

    public long? Requests { get; init; }

    public double? DurationSeconds { get; init; }

    public double? Rate { get; init; }

    public required double TimeoutSeconds { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The caller cancelled the run; the numbers cover what was measured until then.</summary>
    public bool Cancelled { get; init; }

    /// <summary>The hard deadline (duration + timeout) was reached with requests still in flight.</summary>
    public bool HitHardDeadline { get; init; }
}

/// <summary>The full outcome of a load run: merged histograms, summary, series and breakdowns.</summary>
public sealed class LoadResult
{
    public required LoadRunInfo Run { get; init; }

    public required LoadSummary Summary { get; init; }

    /// <summary>Merged latency histogram, microseconds (corrected in open loop).</summary>
    public required LongHistogram Latency { get; init; }

    /// <summary>Open loop only: merged histogram of latency from the actual send time.</summary>
    public LongHistogram? UncorrectedLatency { get; init; }

    /// <summary>Completed responses in each second since the start.</summary>
    public required IReadOnlyList<long> CompletedPerSecond { get; init; }

    /// <summary>Errors in each second since the start.</summary>
    public required IReadOnlyList<long> ErrorsPerSecond { get; init; }

    public required IReadOnlyDictionary<int, long> StatusCounts { get; init; }

    /// <summary>Error counts by kind; kinds that did not occur are absent.</summary>
    public required IReadOnlyDictionary<LoadErrorKind, long> ErrorCounts { get; init; }

    /// <summary>The first few error details (e.g. the parse error reason), to make a failure diagnosable.</summary>
    public IReadOnlyList<string> ErrorExamples { get; init; } = [];

    /// <summary>The first few sampler violation messages.</summary>
    public IReadOnlyList<string> ViolationMessages { get; init; } = [];

    /// <summary>
    /// Bytes each worker thread allocated after its warm-up (first 1,000 responses) until it stopped.
    /// Zero in steady state; a diagnostic for the engine's no-allocation guarantee.
    /// </summary>
    public IReadOnlyList<long> WorkerSteadyStateAllocatedBytes { get; init; } = [];
}
