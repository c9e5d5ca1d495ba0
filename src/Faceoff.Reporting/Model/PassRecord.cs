using Faceoff.Statistics;

namespace Faceoff.Reporting.Model;

public enum PassKind
{
    /// <summary>A short pass of the until-stable warmup after a server starts; recorded with the server in each cell it serves.</summary>
    ServerWarmup,

    /// <summary>A short fixed pass at the step, before its measured repeats.</summary>
    Warmup,

    /// <summary>A repeat that counts.</summary>
    Measured,
}

/// <summary>
/// One pass as the cell file stores it and the report lists it: the same record in both. A measured pass also
/// has the load engine's full result (histogram encoded, per-second series) and its HdrHistogram log in files
/// next to the cell; warmups keep only the measurement.
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
    PassMeasurement Measurement,
    string? LoadResultPath,
    string? HistogramLogPath);
