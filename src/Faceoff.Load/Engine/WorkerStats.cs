using System.Runtime.CompilerServices;
using HdrHistogram;

namespace Faceoff.Load.Engine;

/// <summary>
/// Everything one worker measures. Written only by its worker thread; the progress reporter reads the
/// two progress counters (aligned longs, so the reads are atomic), and the rest is read after the thread ends.
/// </summary>
internal sealed class WorkerStats(bool openLoop, int initialSeconds)
{
    public const int MaxExamples = 5;
    private const int StatusSlots = 1000;

    private long _completed;
    private long _errors;

    public LongHistogram Latency { get; } = LatencyHistograms.Create();

    public LongHistogram? Uncorrected { get; } = openLoop ? LatencyHistograms.Create() : null;

    public long Requests { get; set; }

    public long Completed => Volatile.Read(ref _completed);

    public long TotalErrors => Volatile.Read(ref _errors);

    public long Non2xx { get; private set; }

    public long BytesRead { get; set; }

    public long BytesWritten { get; set; }

    public long LateSends { get; set; }

    public long MissedSends { get; set; }

    public long Sampled { get; set; }

    public long Violations { get; set; }

    public long[] ErrorCounts { get; } = new long[Enum.GetValues<LoadErrorKind>().Length];

    public long[] StatusCounts { get; } = new long[StatusSlots];

    public long[] CompletedPerSecond { get; private set; } = new long[initialSeconds];

    public long[] ErrorsPerSecond { get; private set; } = new long[initialSeconds];

    public int SecondsUsed { get; private set; }

    /// <summary>Distinct (kind, detail) pairs; details are constant strings, so collecting them allocates nothing per error.</summary>
    public List<(LoadErrorKind Kind, string Detail)> ErrorExamples { get; } = [];

    public List<string> ViolationMessages { get; } = [];

    public long SteadyStateAllocatedBytes { get; set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RecordResponse(int second, int status, long latencyMicros, long uncorrectedMicros)
    {
        Latency.RecordValue(Clamp(latencyMicros));
        Uncorrected?.RecordValue(Clamp(uncorrectedMicros));
        StatusCounts[(uint)status < StatusSlots ? status : 0]++;
        if (status is < 200 or > 299)
        {
            Non2xx++;
        }

        Slot(second);
        CompletedPerSecond[second]++;
        Volatile.Write(ref _completed, _completed + 1);
    }

    public void RecordError(int second, LoadErrorKind kind)
    {
        ErrorCounts[(int)kind]++;
        Slot(second);
        ErrorsPerSecond[second]++;
        Volatile.Write(ref _errors, _errors + 1);
    }

    private static long Clamp(long micros) => Math.Clamp(micros, 0, LatencyHistograms.HighestMicros);

    private void Slot(int second)
    {
        if (second >= CompletedPerSecond.Length)
        {
            Grow(second);
        }

        if (second >= SecondsUsed)
        {
            SecondsUsed = second + 1;
        }
    }

    private void Grow(int second)
    {
        var size = Math.Max(CompletedPerSecond.Length * 2, second + 1);
        var completed = CompletedPerSecond;
        var errors = ErrorsPerSecond;
        Array.Resize(ref completed, size);
        Array.Resize(ref errors, size);
        CompletedPerSecond = completed;
        ErrorsPerSecond = errors;
    }
}
