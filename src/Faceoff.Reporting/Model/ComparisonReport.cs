namespace Faceoff.Reporting.Model;

/// <summary>A candidate / reference ratio with its confidence interval.</summary>
public sealed record RatioEstimate(double Ratio, double CiLow, double CiHigh);

/// <summary>The medians one side of a comparison brings; null where the cell has no data.</summary>
public sealed record ComparisonSide(string Profile, double? MedianRps, double? P50Us, double? P95Us, double? P99Us);

/// <summary>
/// Candidate against reference at one scenario and step. Ratios are candidate / reference of the
/// medians across repeats; null when either cell has no data.
/// </summary>
/// <param name="ThroughputAdvantagePct">The seed's column: (candidate req/s ÷ reference req/s − 1) × 100.</param>
/// <param name="LatencyAdvantagePct">The seed's column: (reference p50 ÷ candidate p50 − 1) × 100; positive = candidate faster.</param>
/// <param name="Reasons">Why the verdict is what it is: the interval against the band, or what makes the row not publishable.</param>
public sealed record ComparisonReport(
    string Pair,
    string Scenario,
    int Concurrency,
    ComparisonSide Candidate,
    ComparisonSide Reference,
    RatioEstimate? ThroughputRatio,
    RatioEstimate? P50Ratio,
    RatioEstimate? P95Ratio,
    RatioEstimate? P99Ratio,
    double? ThroughputAdvantagePct,
    double? LatencyAdvantagePct,
    Verdict Verdict,
    IReadOnlyList<string> Reasons);

/// <summary>A claim's status at one concurrency step, with the reason.</summary>
public sealed record ClaimStepReport(int Concurrency, ClaimStatus Status, string Reason);

/// <summary>A claim target and what the campaign says about it.</summary>
public sealed record ClaimReport(
    string ClaimId,
    string Pair,
    string Scenario,
    IReadOnlyList<ClaimStepReport> Steps,
    ClaimStatus Status,
    string Reason);
