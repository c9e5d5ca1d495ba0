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
                EnumText.Of(row.Verdict),
                string.Join("; ", row.Reasons),
            ]);
        }

        return csv.ToString();
    }

    private static string[] RatioHeader(string name) => [name, name + "_ci_low", name + "_ci_high"];

    private static string[] RatioFields(Interval? ratio) =>
        [Fmt.Fixed(ratio?.Point, 4), Fmt.Fixed(ratio?.Lower, 4), Fmt.Fixed(ratio?.Upper, 4)];
}
