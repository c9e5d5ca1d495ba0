using System.Globalization;
using Faceoff.Statistics;
using Faceoff.Statistics.Regression;

namespace Faceoff.Cli.Compare;

/// <summary>What <c>faceoff compare</c> says about one cell; only regression, missing and failed fail the gate.</summary>
internal enum CompareVerdict
{
    Ok,
    Improvement,
    Inconclusive,

    /// <summary>Measured now but not in the baseline: nothing to compare against.</summary>
    New,
    Missing,

    /// <summary>The current cell crashed or measured nothing.</summary>
    Failed,
    Regression,
}

/// <summary>A gate row with its verdict and a short reason for the table (the gate's own explanation goes to the JSON).</summary>
internal sealed record CompareRow(GateRow Gate, CompareVerdict Verdict, string Reasons)
{
    public string VerdictText => Verdict.ToString().ToLowerInvariant();
}

internal static class CompareRows
{
    public static IReadOnlyList<CompareRow> From(GateReport report, StatisticsSettings settings) =>
        [.. report.Rows.Select(row => From(row, settings.EquivalenceBand))];

    private static CompareRow From(GateRow row, double band) => row.Status switch
    {
        GateStatus.Regression => new(row, CompareVerdict.Regression, Reasons(row)),
        GateStatus.Failed => new(row, CompareVerdict.Failed, row.Explanation),
        GateStatus.Missing => new(row, CompareVerdict.Missing, row.Explanation),
        GateStatus.NoBaseline => new(row, CompareVerdict.New, row.Explanation),
        GateStatus.WithinNoise or GateStatus.InsufficientData => new(row, CompareVerdict.Inconclusive, Reasons(row)),
        _ => Improvements(row, band) is { Length: > 0 } better
            ? new(row, CompareVerdict.Improvement, better)
            : new(row, CompareVerdict.Ok, "within policy"),
    };

    /// <summary>One short phrase per check that did not pass, worst first.</summary>
    private static string Reasons(GateRow row) =>
        string.Join("; ", Checks(row)
            .Where(c => c.Status != GateStatus.Pass)
            .OrderByDescending(c => c.Status)
            .Select(c => Reason(c, row)));

    private static string Reason(GateCheck check, GateRow row)
    {
        var threshold = Number(check.Threshold);
        var noise = check.Status == GateStatus.WithinNoise ? ", but the CI crosses it (noise)" : string.Empty;
        return (check.Status, check.Metric) switch
        {
            (GateStatus.InsufficientData, _) => check.Explanation,
            (_, "throughput") => $"throughput below floor {threshold}{noise}",
            (_, "latency p95") => $"p95 above limit {threshold}{noise}",
            _ => $"peak RSS {Growth(row.MemoryGrowthKib)} past allowance{noise}",
        };
    }

    /// <summary>
    /// A passing row is an improvement when throughput or p95 has its whole interval beyond the
    /// equivalence band on the better side, and neither has it beyond the band on the worse side — the
    /// same rule the campaign's own verdicts use, so a 30% gain in 40% noise stays "ok".
    /// </summary>
    private static string Improvements(GateRow row, double band)
    {
        var throughput = row.Throughput?.Ratio;
        var latency = row.LatencyP95?.Ratio;
        var worse = throughput?.Upper < 1 - band || latency?.Lower > 1 + band;
        if (worse)
        {
            return string.Empty;
        }
        var better = new List<string>();
        if (throughput?.Lower > 1 + band)
        {
            better.Add($"throughput {Percent(throughput.Point)}");
        }
        if (latency?.Upper < 1 - band)
        {
            better.Add($"p95 {Percent(latency.Point)}");
        }
        return better.Count == 0 ? string.Empty : $"{string.Join(", ", better)} (CI beyond ±{Number(band * 100)}%)";
    }

    private static IEnumerable<GateCheck> Checks(GateRow row) =>
        new[] { row.Throughput, row.LatencyP95, row.Memory }.OfType<GateCheck>();

    public static string Growth(double? kib) =>
        kib is { } value ? value.ToString("+#,0' KiB';-#,0' KiB';0' KiB'", CultureInfo.InvariantCulture) : "-";

    public static string Ratio(Interval? ratio) => ratio?.ToString() ?? "-";

    private static string Percent(double ratio) => ((ratio - 1) * 100).ToString("+0.#'%';-0.#'%'", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
