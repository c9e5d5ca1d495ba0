using Faceoff.Reporting.Model;

namespace Faceoff.Reporting.Text;

/// <summary>
/// <c>phased_framework_summary.csv</c>: one row per pair × profile × scenario × step. Numbers are medians
/// across measured repeats (latency in µs); cpu_s is server CPU seconds per pass, peak RSS the largest
/// of any pass. Failed cells keep their row with the numbers they have.
/// </summary>
public static class FrameworkSummaryCsv
{
    public static string Render(ReportIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var csv = new Csv(
            "pair", "profile", "role", "scenario", "concurrency", "status", "repeats",
            "median_req_s", "req_s_q1", "req_s_q3", "p50_us", "p95_us", "p99_us",
            "throughput_cv", "per_second_cv", "unstable", "requests", "errors", "contract_violations",
            "median_cpu_s", "peak_rss_kib");
        foreach (var cell in index.OrderedCells)
        {
            var a = cell.Statistics;
            var measured = a.Throughput is not null;
            csv.Row(
                cell.Pair,
                cell.Profile,
                EnumText.Of(cell.Role),
                cell.Scenario,
                Fmt.Integer(cell.Concurrency),
                EnumText.Of(cell.Status),
                Fmt.Integer(cell.Repeats.Count),
                Fmt.Fixed(a.Throughput?.Median, 1),
                Fmt.Fixed(a.Throughput?.Q1, 1),
                Fmt.Fixed(a.Throughput?.Q3, 1),
                Fmt.Fixed(a.Latency?.P50.Median, 1),
                Fmt.Fixed(a.Latency?.P95.Median, 1),
                Fmt.Fixed(a.Latency?.P99.Median, 1),
                Fmt.Fixed(a.Throughput?.Cv, 4),
                Fmt.Fixed(a.PassStability.MedianCv, 4),
                measured ? Fmt.Bool(a.IsUnstable) : "",
                Fmt.Integer(a.Requests),
                Fmt.Integer(a.Errors),
                Fmt.Integer(a.ContractViolations),
                Fmt.Fixed(a.ServerCpuSeconds?.Median, 3),
                Fmt.Fixed(a.RssPeakKib?.Max, 0));
        }

        return csv.ToString();
    }
}
