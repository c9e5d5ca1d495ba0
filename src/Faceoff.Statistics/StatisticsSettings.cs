namespace Faceoff.Statistics;

/// <summary>Knobs of the statistics; defaults match the seed's protocol where it had one.</summary>
public sealed record StatisticsSettings
{
    public static StatisticsSettings Default { get; } = new();

    /// <summary>Two-sided confidence level of every interval.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Half-width of the equivalence band around a ratio of 1 (0.05 = ±5%).</summary>
    public double EquivalenceBand { get; init; } = 0.05;

    /// <summary>A cell whose throughput CV across repeats exceeds this is unstable (the seed's <c>max_cv_ratio</c>).</summary>
    public double MaxCv { get; init; } = 0.4;

    /// <summary>Below this many repeats on either side a comparison is inconclusive.</summary>
    public int MinRepeats { get; init; } = 3;

    /// <summary>Share of failed requests above which a cell is not publishable.</summary>
    public double MaxErrorRate { get; init; } = 0.001;

    /// <summary>Relative half-width (0.05 = ±5%) the launch design aims the ratio interval at.</summary>
    public double TargetHalfWidth { get; init; } = 0.05;

    /// <summary>
    /// Cost of one launch beyond its repeats (server start, readiness, warmup), in repeat durations; the
    /// runner sets it from its warmup and repeat durations. Feeds the optimal repeats per launch.
    /// </summary>
    public double LaunchCostInRepeats { get; init; } = 1;

    /// <summary>Findings for out-of-range values; empty when the settings are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var findings = new List<string>();
        if (!(ConfidenceLevel > 0.5 && ConfidenceLevel < 1))
        {
            findings.Add($"confidence level must be in (0.5, 1), got {ConfidenceLevel}");
        }
        if (!(EquivalenceBand >= 0 && EquivalenceBand < 1))
        {
            findings.Add($"equivalence band must be in [0, 1), got {EquivalenceBand}");
        }
        if (!(MaxCv > 0) || double.IsInfinity(MaxCv))
        {
            findings.Add($"max CV must be a positive number, got {MaxCv}");
        }
        if (MinRepeats < 2)
        {
            findings.Add($"min repeats must be at least 2 (variance needs two values), got {MinRepeats}");
        }
        if (!(MaxErrorRate >= 0 && MaxErrorRate <= 1))
        {
            findings.Add($"max error rate must be in [0, 1], got {MaxErrorRate}");
        }
        if (!(TargetHalfWidth > 0 && TargetHalfWidth < 1))
        {
            findings.Add($"target half-width must be in (0, 1), got {TargetHalfWidth}");
        }
        if (!(LaunchCostInRepeats > 0) || double.IsInfinity(LaunchCostInRepeats))
        {
            findings.Add($"launch cost must be a positive number of repeats, got {LaunchCostInRepeats}");
        }
        return findings;
    }

    internal void EnsureValid()
    {
        var findings = Validate();
        if (findings.Count > 0)
        {
            throw new ArgumentException("invalid statistics settings: " + string.Join("; ", findings));
        }
    }
}
