namespace Faceoff.Statistics;

/// <summary>Identifies one cell of a campaign: a profile running a scenario at one concurrency step.</summary>
public sealed record SideKey(string Profile, string Scenario, int Concurrency)
{
    public override string ToString() => $"{Profile}/{Scenario}/c={Concurrency}";
}

/// <summary>Latency distribution of one repeat, in microseconds.</summary>
public sealed record LatencyPercentiles(
    double P50,
    double P75,
    double P90,
    double P95,
    double P99,
    double P999,
    double Mean);

/// <summary>
/// One measured repeat as the load engine and target sampler report it.
/// <paramref name="PerSecondCompleted"/> counts completed requests per wall-clock second,
/// including the partial first and last seconds (they are trimmed here, not by the caller).
/// <paramref name="Requests"/> counts every completed request, <paramref name="Errors"/> those that failed.
/// <paramref name="Launch"/> numbers the fresh server process pair the repeat ran on (0 for the first;
/// a cell measured in one launch leaves it 0 everywhere).
/// </summary>
public sealed record PassMeasurement(
    double ThroughputRps,
    LatencyPercentiles LatencyUs,
    IReadOnlyList<double> PerSecondCompleted,
    long Requests,
    long Errors,
    long ContractViolations,
    double ServerCpuSeconds,
    long RssPeakKib,
    int Launch = 0);

/// <summary>
/// Every measured repeat of one cell. <paramref name="Failure"/> is set when the cell did not
/// complete (server crash, readiness timeout...); the repeats measured before the failure stay.
/// </summary>
public sealed record SideMeasurements(SideKey Key, IReadOnlyList<PassMeasurement> Repeats, string? Failure = null);
