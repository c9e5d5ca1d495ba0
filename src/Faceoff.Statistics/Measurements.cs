using System.Collections.Immutable;

namespace Faceoff.Statistics;

/// <summary>Identifies one side of a cell: a profile running a scenario at one concurrency step.</summary>
public sealed record SideKey(string Profile, string Scenario, int Concurrency)
{
    public override string ToString() => $"{Profile}/{Scenario}/c={Concurrency}";
}

/// <summary>Latency distribution of one pass, microseconds.</summary>
public sealed record LatencyStats(
    double MeanUs,
    double StdevUs,
    double P50Us,
    double P75Us,
    double P90Us,
    double P95Us,
    double P99Us,
    double P999Us,
    double P9999Us,
    double MaxUs);

/// <summary>Server process cost over one pass, read from /proc.</summary>
public sealed record ServerResources(double CpuSeconds, long RssBeforeKib, long RssAfterKib, long RssPeakKib);

/// <summary>What a writing pass acknowledged (201 responses) against the rows it really inserted.</summary>
public sealed record WriteReconciliation(long Expected, long Inserted)
{
    public bool Matches => Expected == Inserted;
}

/// <summary>
/// What one pass measured: the load engine's headline numbers and, for a metered pass, the server's cost.
/// The one record of a pass from the engine's result through the cell file and the report to the statistics.
/// </summary>
/// <param name="Requests">Every request started: responses (whatever their status) plus errors.</param>
/// <param name="PerSecondCompleted">Responses per wall-clock second, partial first and last seconds included (the statistics trim them).</param>
/// <param name="StatusCounts">HTTP status code → count of responses.</param>
/// <param name="ErrorCounts">Error kind (connect, read, timeout…) → count; kinds that did not occur are absent.</param>
/// <param name="SampledResponses">Responses validated against the scenario contract under load.</param>
/// <param name="Server">CPU and RSS of the server tree over the pass; null for passes that were not metered.</param>
/// <param name="Database">CPU and RSS of the campaign's PostgreSQL process tree over the pass; null without a managed database.</param>
/// <param name="Writes">Rows the pass inserted against the 201 responses it counted; null for passes that do not write.</param>
public sealed record PassMeasurement(
    long Requests,
    long Errors,
    double ElapsedSeconds,
    double ThroughputRps,
    double BytesPerSecond,
    LatencyStats LatencyUs,
    IReadOnlyList<long> PerSecondCompleted,
    IReadOnlyList<long> PerSecondErrors,
    ImmutableSortedDictionary<string, long> StatusCounts,
    ImmutableSortedDictionary<string, long> ErrorCounts,
    long SampledResponses,
    long ContractViolations,
    IReadOnlyList<string> FirstViolations,
    ServerResources? Server,
    int Launch = 0,
    ServerResources? Database = null,
    WriteReconciliation? Writes = null)
{
    /// <summary>Complete responses, whatever their status: the server was answering.</summary>
    public long Responses => Requests - Errors;
}

/// <summary>
/// Every measured pass of one side of a cell. <paramref name="Failure"/> is set when the cell did not
/// complete (server crash, readiness timeout...); the passes measured before the failure stay.
/// </summary>
public sealed record SideMeasurements(SideKey Key, IReadOnlyList<PassMeasurement> Repeats, string? Failure = null);
