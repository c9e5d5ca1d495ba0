namespace Faceoff.Statistics.Regression;

/// <summary>
/// Thresholds of the regression gate, in the seed's <c>policy.json</c> terms. Ratios are current ÷ baseline.
/// Memory is peak RSS (KiB, the unit /proc reports as "kB"): a regression needs the growth over the
/// baseline to exceed both <see cref="MemoryGrowthKbMax"/> and <see cref="MemoryGrowthRatio"/>, as the
/// seed allowed max(absolute, relative) growth.
/// </summary>
public sealed record RegressionPolicy(
    double LatencyRegressionRatio,
    double ThroughputFloorRatio,
    long MemoryGrowthKbMax,
    double MemoryGrowthRatio)
{
    /// <summary>The original Arlen system's thresholds (its <c>DEFAULT_POLICY</c> and <c>policy.json</c>).</summary>
    public static RegressionPolicy ArlenDefault { get; } = new(1.15, 0.75, 16384, 1.5);
}

/// <summary>A located problem in a policy file; <see cref="Line"/> and <see cref="Column"/> are 1-based.</summary>
public sealed record PolicyError(string Source, string Path, int Line, int Column, string Message)
{
    public override string ToString() => $"{Source}:{Line}:{Column}: {Path}: {Message}";
}

/// <summary><see cref="Policy"/> is null exactly when <see cref="Errors"/> is non-empty.</summary>
public sealed record PolicyLoadResult(RegressionPolicy? Policy, IReadOnlyList<PolicyError> Errors)
{
    public bool IsValid => Policy is not null;
}
