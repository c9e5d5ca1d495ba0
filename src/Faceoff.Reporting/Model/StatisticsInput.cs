using Faceoff.Statistics;

namespace Faceoff.Reporting.Model;

/// <summary>
/// The one mapping from a reported repeat to the statistics input. The runner (at publish time) and the
/// regression gate (reading two stored reports) both go through it, so a live run and a re-read report
/// are judged on exactly the same numbers.
/// </summary>
public static class StatisticsInput
{
    public static PassMeasurement ToMeasurement(this RepeatResult repeat)
    {
        ArgumentNullException.ThrowIfNull(repeat);
        var l = repeat.Latency;
        return new PassMeasurement(
            repeat.RequestsPerSecond,
            new LatencyPercentiles(l.P50Us, l.P75Us, l.P90Us, l.P95Us, l.P99Us, l.P999Us, l.MeanUs),
            [.. repeat.PerSecondCompleted.Select(v => (double)v)],
            repeat.Requests,
            repeat.Errors,
            repeat.ContractViolations,
            repeat.ServerCpuSeconds,
            repeat.RssPeakKib);
    }
}
