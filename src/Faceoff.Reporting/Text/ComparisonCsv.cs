using Faceoff.Reporting.Model;

using Faceoff.Statistics;

namespace Faceoff.Reporting.Text;

/// <summary>
/// <c>phased_comparison.csv</c>: one row per pair × scenario × step, candidate against reference,
/// with every ratio's confidence interval and the seed's two advantage columns.
/// </summary>
public static class ComparisonCsv
{
    public static string Render(ReportIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var csv = new Csv(
        [
            "pair", "scenario", "concurrency", "candidate_profile", "reference_profile",
            "candidate_req_s", "reference_req_s",
            "candidate_p50_us", "reference_p50_us", "candidate_p95_us", "reference_p95_us", "candidate_p99_us", "reference_p99_us",
            .. RatioHeader("throughput_ratio"), .. RatioHeader("p50_ratio"), .. RatioHeader("p95_ratio"), .. RatioHeader("p99_ratio"),
            "throughput_advantage_pct", "latency_advantage_pct", "verdict", "reasons",
            "covers_launch_variance",
            "candidate_launches", "candidate_sigma2_within", "candidate_sigma2_between",
            "reference_launches", "reference_sigma2_within", "reference_sigma2_between",
            "design_repeats_per_launch", "design_launches",
        ]);
        foreach (var row in index.OrderedComparisons)
        {
            csv.Row(
            [
                row.Pair,
                row.Scenario,
                Fmt.Integer(row.Concurrency),
                row.Candidate.Profile,
                row.Reference.Profile,
                Fmt.Fixed(row.Candidate.MedianRps, 1),
                Fmt.Fixed(row.Reference.MedianRps, 1),
                Fmt.Fixed(row.Candidate.P50Us, 1),
                Fmt.Fixed(row.Reference.P50Us, 1),
                Fmt.Fixed(row.Candidate.P95Us, 1),
                Fmt.Fixed(row.Reference.P95Us, 1),
                Fmt.Fixed(row.Candidate.P99Us, 1),
                Fmt.Fixed(row.Reference.P99Us, 1),
                .. RatioFields(row.ThroughputRatio),
                .. RatioFields(row.P50Ratio),
                .. RatioFields(row.P95Ratio),
                .. RatioFields(row.P99Ratio),
                Fmt.Fixed(row.ThroughputAdvantagePct, 2),
                Fmt.Fixed(row.LatencyAdvantagePct, 2),
                index.Report.Environment.QuickMode ? SmokeVerdict.Token : EnumText.Of(row.Verdict),
                string.Join("; ", row.Reasons),
                .. LaunchFields(row.Launch),
            ]);
        }

        return csv.ToString();
    }

    // Empty fields where the row has no ratio (or the report predates launches): nothing was estimated.
    private static string[] LaunchFields(LaunchFacts? launch) => launch is null
        ? ["", "", "", "", "", "", "", "", ""]
        :
        [
            Fmt.Bool(launch.CoversLaunchVariance),
            Fmt.Integer(launch.Candidate.Launches), Variance(launch.Candidate.WithinVariance), Variance(launch.Candidate.BetweenVariance),
            Fmt.Integer(launch.Reference.Launches), Variance(launch.Reference.WithinVariance), Variance(launch.Reference.BetweenVariance),
            launch.DesignRepeatsPerLaunch is { } r ? Fmt.Integer(r) : "",
            launch.DesignLaunches is { } l ? Fmt.Integer(l) : "",
        ];

    private static string Variance(double? value) =>
        value is { } v ? v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) : "";

    private static string[] RatioHeader(string name) => [name, name + "_ci_low", name + "_ci_high"];

    private static string[] RatioFields(Interval? ratio) =>
        [Fmt.Fixed(ratio?.Point, 4), Fmt.Fixed(ratio?.Lower, 4), Fmt.Fixed(ratio?.Upper, 4)];
}
