using Faceoff.Reporting.Model;
using Faceoff.Statistics;
using StatClaims = Faceoff.Statistics.Claims;

namespace Faceoff.Campaign.Publishing;

/// <summary>The statistics library's rows and claims in the report's vocabulary (whose enums mirror them by name).</summary>
internal static class ComparisonMapping
{
    /// <summary>Prefix of the reason that says what the numbers alone would have concluded for a not-publishable row.</summary>
    public const string NumbersAlone = "numbers alone: ";

    public static ComparisonReport Row(ComparisonRow row) => new(
        row.Pair,
        row.Scenario,
        row.Concurrency,
        Side(row.Candidate),
        Side(row.Reference),
        Estimate(row.Throughput),
        Estimate(row.LatencyP50),
        Estimate(row.LatencyP95),
        Estimate(row.LatencyP99),
        row.ThroughputAdvantagePct,
        row.LatencyAdvantagePct,
        Mirror<Reporting.Model.Verdict>(row.Verdict),
        row.IsPublishable
            ? [.. new[] { row.Throughput, row.LatencyP50, row.LatencyP95, row.LatencyP99 }.Select(r => r.Explanation)]
            : [.. row.Issues.Select(i => i.Message), $"{NumbersAlone}{row.Throughput.Explanation}"]);

    public static ClaimReport Claim(StatClaims.ClaimResult claim) => new(
        claim.Target.ClaimId,
        claim.Target.Pair,
        claim.Target.Scenario,
        [.. claim.Steps.Select(s => new ClaimStepReport(s.Concurrency, Mirror<Reporting.Model.ClaimStatus>(s.Status), s.Reason))],
        Mirror<Reporting.Model.ClaimStatus>(claim.Status),
        claim.Summary);

    private static ComparisonSide Side(SideStatistics cell) => new(
        cell.Key.Profile,
        cell.Throughput?.Median,
        cell.Latency?.P50.Median,
        cell.Latency?.P95.Median,
        cell.Latency?.P99.Median);

    private static RatioEstimate? Estimate(RatioComparison comparison) =>
        comparison.Ratio is { } ratio ? new RatioEstimate(ratio.Point, ratio.Lower, ratio.Upper) : null;

    private static TTo Mirror<TTo>(Enum value)
        where TTo : struct, Enum => Enum.Parse<TTo>(value.ToString());
}
