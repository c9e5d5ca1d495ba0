using System.Text.Json.Serialization;
using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Model;

public enum PassKind
{
    /// <summary>A short pass of the until-stable warmup after a server starts; recorded with the server in each cell it serves.</summary>
    ServerWarmup,

    /// <summary>A short fixed pass at the step, before its measured repeats.</summary>
    Warmup,

    /// <summary>A repeat that counts.</summary>
    Measured,
}

/// <summary>What one pass measured: the load engine's headline numbers (latency in microseconds).</summary>
/// <param name="Requests">Every request started: responses plus errors.</param>
/// <param name="PerSecondCompleted">Responses per wall-clock second, partial first and last seconds included.</param>
/// <param name="ErrorCounts">Error kind (connect, read, timeout…) → count.</param>
/// <param name="SampledResponses">Responses validated against the scenario contract under load.</param>
public sealed record PassSummary(
    long Requests,
    long Errors,
    double ElapsedSeconds,
    double ThroughputRps,
    double BytesPerSecond,
    LatencyStats LatencyUs,
    IReadOnlyList<long> PerSecondCompleted,
    IReadOnlyList<long> PerSecondErrors,
    IReadOnlyDictionary<string, long> StatusCounts,
    IReadOnlyDictionary<string, long> ErrorCounts,
    long SampledResponses,
    long ContractViolations,
    IReadOnlyList<string> FirstViolations)
{
    /// <summary>Complete responses, whatever their status: the server was answering.</summary>
    [JsonIgnore]
    public long Responses => Requests - Errors;
}

/// <summary>Server process cost over one pass, read from /proc.</summary>
public sealed record ServerResources(double CpuSeconds, long RssBeforeKib, long RssAfterKib, long RssPeakKib);

/// <summary>
/// One pass as stored in a cell file. A measured pass also has the load engine's full result (histogram
/// encoded, per-second series) and its HdrHistogram log in files next to the cell; warmups keep only the summary.
/// </summary>
/// <param name="Sequence">Position in the cell's execution order, from 1.</param>
/// <param name="Repeat">Repeat number within its kind and side, from 1.</param>
/// <param name="LoadResultPath">The engine's full result, relative to the run directory.</param>
/// <param name="HistogramLogPath">The pass's HdrHistogram log, relative to the run directory.</param>
public sealed record PassRecord(
    int Sequence,
    PassKind Kind,
    Side Side,
    string Profile,
    int Repeat,
    DateTimeOffset StartedAt,
    PassSummary Summary,
    ServerResources? Resources,
    string? LoadResultPath,
    string? HistogramLogPath);

/// <summary>"cand r2", "ref warmup 1": how messages name a pass.</summary>
public static class PassLabels
{
    public static string Of(PassKind kind, Side side, int repeat) => kind switch
    {
        PassKind.Measured => $"{side.Short()} r{repeat}",
        PassKind.Warmup => $"{side.Short()} warmup {repeat}",
        _ => $"{side.Short()} server warmup {repeat}",
    };
}
