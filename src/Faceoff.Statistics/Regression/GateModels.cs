namespace Faceoff.Statistics.Regression;

/// <summary>Gate outcomes ordered by severity; a row takes the most severe of its checks.</summary>
public enum GateStatus
{
    Pass,

    /// <summary>The cell is new in the current run; nothing to compare against.</summary>
    NoBaseline,

    /// <summary>Too few repeats or unusable values on one side; no regression can be shown.</summary>
    InsufficientData,

    /// <summary>The point estimate is past the policy threshold but the interval reaches back across it.</summary>
    WithinNoise,

    /// <summary>The baseline measured this cell and the current run did not. Fails the gate.</summary>
    Missing,

    /// <summary>The current cell failed (crash, no repeats). Fails the gate.</summary>
    Failed,

    /// <summary>Past the threshold with the whole interval on the bad side of it. Fails the gate.</summary>
    Regression,
}

/// <summary>One policy check of a cell: a current ÷ baseline ratio against its threshold.</summary>
public sealed record GateCheck(string Metric, Interval? Ratio, double Threshold, GateStatus Status, string Explanation);

/// <summary>
/// Baseline vs current for one cell. Checks are null for rows that could not be compared
/// (missing, new or failed cells); <see cref="MemoryGrowthKib"/> is current − baseline median peak RSS.
/// </summary>
public sealed record GateRow(
    SideKey Key,
    GateStatus Status,
    GateCheck? Throughput,
    GateCheck? LatencyP95,
    GateCheck? Memory,
    double? MemoryGrowthKib,
    string Explanation);

public sealed record GateReport(IReadOnlyList<GateRow> Rows, bool Passed, IReadOnlyList<string> Failures);
