using Faceoff.Statistics;

namespace Faceoff.Reporting.Model;

/// <summary>
/// One side's throughput variance components on ln(req/s): launches, repeats, σ²_w and σ²_b (null where
/// the data cannot estimate them).
/// </summary>
public sealed record LaunchSideFacts(int Launches, int Repeats, double? WithinVariance, double? BetweenVariance);

/// <summary>
/// What a row's throughput interval was built from: whether it covers launch-to-launch variance, both
/// sides' variance components, and the design (repeats per launch R, launches L) they imply for a
/// ±<see cref="DesignTargetHalfWidth"/> interval, or why there is none.
/// </summary>
public sealed record LaunchFacts(
    bool CoversLaunchVariance,
    LaunchSideFacts Candidate,
    LaunchSideFacts Reference,
    int? DesignRepeatsPerLaunch,
    int? DesignLaunches,
    double DesignTargetHalfWidth,
    string? DesignProblem)
{
    /// <summary>The facts of a throughput estimate; null without one (no ratio was computed).</summary>
    public static LaunchFacts? From(LogRatioEstimate? estimate) => estimate is null
        ? null
        : new LaunchFacts(
            estimate.CoversLaunchVariance,
            Side(estimate.Numerator),
            Side(estimate.Denominator),
            estimate.Design.RepeatsPerLaunch,
            estimate.Design.Launches,
            estimate.Design.TargetHalfWidth,
            estimate.Design.Problem);

    private static LaunchSideFacts Side(VarianceComponents components) =>
        new(components.Launches, components.Repeats, components.WithinVariance, components.BetweenVariance);
}
