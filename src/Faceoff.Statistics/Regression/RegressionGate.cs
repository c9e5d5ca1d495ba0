namespace Faceoff.Statistics.Regression;

/// <summary>
/// <c>faceoff compare baseline current --policy</c>: a cell regresses only when its ratio is past the
/// policy threshold AND the whole confidence interval is on the bad side of it, so noise alone
/// cannot fail the gate.
/// </summary>
public static class RegressionGate
{
    private static readonly GateStatus[] FailingStatuses = [GateStatus.Missing, GateStatus.Failed, GateStatus.Regression];

    public static GateReport Evaluate(
        IReadOnlyList<SideMeasurements> baseline,
        IReadOnlyList<SideMeasurements> current,
        RegressionPolicy policy,
        StatisticsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(policy);
        settings.EnsureValid();
        var baselineByKey = Index(baseline, nameof(baseline));
        var currentByKey = Index(current, nameof(current));
        var rows = baselineByKey.Keys.Union(currentByKey.Keys)
            .OrderBy(k => k.Profile, StringComparer.Ordinal)
            .ThenBy(k => k.Scenario, StringComparer.Ordinal)
            .ThenBy(k => k.Concurrency)
            .Select(key => EvaluateCell(key, baselineByKey.GetValueOrDefault(key), currentByKey.GetValueOrDefault(key), policy, settings))
            .ToArray();
        var failures = rows
            .Where(r => FailingStatuses.Contains(r.Status))
            .Select(r => $"{r.Key}: {r.Explanation}")
            .ToArray();
        return new GateReport(rows, failures.Length == 0, failures);
    }

    private static GateRow EvaluateCell(
        SideKey key,
        SideMeasurements? baseline,
        SideMeasurements? current,
        RegressionPolicy policy,
        StatisticsSettings settings)
    {
        if (current is null)
        {
            return new GateRow(key, GateStatus.Missing, null, null, null, null, "measured in the baseline, missing in the current run");
        }
        if (baseline is null)
        {
            return new GateRow(key, GateStatus.NoBaseline, null, null, null, null, "not in the baseline");
        }
        if (current.Failure is not null || current.Repeats.Count == 0)
        {
            return new GateRow(key, GateStatus.Failed, null, null, null, null,
                "current cell failed: " + (current.Failure ?? "no measured repeats"));
        }

        var throughput = CheckRatio(
            "throughput",
            current.Repeats.Select(r => r.ThroughputRps).ToArray(),
            baseline.Repeats.Select(r => r.ThroughputRps).ToArray(),
            policy.ThroughputFloorRatio,
            higherIsWorse: false,
            settings);
        var latency = CheckRatio(
            "latency p95",
            current.Repeats.Select(r => r.LatencyUs.P95).ToArray(),
            baseline.Repeats.Select(r => r.LatencyUs.P95).ToArray(),
            policy.LatencyRegressionRatio,
            higherIsWorse: true,
            settings);
        var (memory, growth) = CheckMemory(current, baseline, policy, settings);

        var checks = new[] { throughput, latency, memory };
        var status = checks.Max(c => c.Status);
        var explanation = string.Join("; ", checks.Where(c => c.Status == status).Select(c => c.Explanation));
        return new GateRow(key, status, throughput, latency, memory, growth, explanation);
    }

    private static GateCheck CheckRatio(
        string metric,
        double[] current,
        double[] baseline,
        double threshold,
        bool higherIsWorse,
        StatisticsSettings settings)
    {
        var (ratio, problem) = RatioInterval.TryEstimate(current, baseline, settings);
        if (ratio is null)
        {
            return new GateCheck(metric, null, threshold, GateStatus.InsufficientData, $"{metric}: {problem}");
        }
        var (limitName, pastPoint, pastWhole) = higherIsWorse
            ? ("limit", ratio.Point > threshold, ratio.Lower > threshold)
            : ("floor", ratio.Point < threshold, ratio.Upper < threshold);
        var status = pastWhole ? GateStatus.Regression : pastPoint ? GateStatus.WithinNoise : GateStatus.Pass;
        var side = higherIsWorse ? "above" : "below";
        var description = status switch
        {
            GateStatus.Regression => $"entirely {side} the {limitName} {Format(threshold)}",
            GateStatus.WithinNoise => $"{side} the {limitName} {Format(threshold)}, but the interval crosses it (within noise)",
            _ => $"within the {limitName} {Format(threshold)}",
        };
        return new GateCheck(metric, ratio, threshold, status, $"{metric} current/baseline {Describe(ratio, settings)} {description}");
    }

    /// <summary>
    /// Memory regresses when the median peak-RSS growth exceeds the absolute allowance and the
    /// ratio interval lies entirely above the relative allowance (the seed allowed the larger of the two).
    /// </summary>
    private static (GateCheck Check, double? Growth) CheckMemory(
        SideMeasurements current,
        SideMeasurements baseline,
        RegressionPolicy policy,
        StatisticsSettings settings)
    {
        const string Metric = "memory (peak RSS)";
        var currentRss = current.Repeats.Select(r => (double)r.RssPeakKib).ToArray();
        var baselineRss = baseline.Repeats.Select(r => (double)r.RssPeakKib).ToArray();
        var (ratio, problem) = RatioInterval.TryEstimate(currentRss, baselineRss, settings);
        if (ratio is null)
        {
            return (new GateCheck(Metric, null, policy.MemoryGrowthRatio, GateStatus.InsufficientData, $"{Metric}: {problem}"), null);
        }
        var growth = Descriptive.Median(currentRss) - Descriptive.Median(baselineRss);
        var overAbsolute = growth > policy.MemoryGrowthKbMax;
        var status = overAbsolute && ratio.Lower > policy.MemoryGrowthRatio ? GateStatus.Regression
            : overAbsolute && ratio.Point > policy.MemoryGrowthRatio ? GateStatus.WithinNoise
            : GateStatus.Pass;
        var allowance = $"allowance {policy.MemoryGrowthKbMax} KiB or ×{Format(policy.MemoryGrowthRatio)}, whichever is larger";
        var description = status switch
        {
            GateStatus.Regression => $"exceeds the {allowance}",
            GateStatus.WithinNoise => $"exceeds the {allowance} at the median, but the interval crosses it (within noise)",
            _ => $"within the {allowance}",
        };
        var explanation = $"{Metric} grew {Format(growth)} KiB, current/baseline {Describe(ratio, settings)}: {description}";
        return (new GateCheck(Metric, ratio, policy.MemoryGrowthRatio, status, explanation), growth);
    }

    private static Dictionary<SideKey, SideMeasurements> Index(IReadOnlyList<SideMeasurements> cells, string side)
    {
        ArgumentNullException.ThrowIfNull(cells, side);
        var byKey = new Dictionary<SideKey, SideMeasurements>();
        foreach (var cell in cells)
        {
            if (!byKey.TryAdd(cell.Key, cell))
            {
                throw new ArgumentException($"{side} has two cells for {cell.Key}", side);
            }
        }
        return byKey;
    }

    private static string Describe(Interval ratio, StatisticsSettings settings) =>
        $"{ratio.Point:0.000} ({Format(settings.ConfidenceLevel * 100)}% CI {ratio.Lower:0.000}–{ratio.Upper:0.000})";

    private static string Format(double value) => SideAnalyzer.Format(value);
}
