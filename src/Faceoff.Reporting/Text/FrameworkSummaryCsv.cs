using Faceoff.Reporting.Model;

namespace Faceoff.Reporting.Text;

/// <summary>
/// <c>phased_framework_summary.csv</c>: one row per pair × profile × scenario × step. Numbers are medians
/// across measured repeats (latency in µs); cpu_s is server CPU seconds per pass, peak RSS the largest
/// of any pass. Failed cells keep their row with the numbers they have. A run with a database adds its CPU
/// and peak RSS (PostgreSQL's process tree) and, for writing cells, the 201s counted and rows inserted over all passes.
/// </summary>
public static class FrameworkSummaryCsv
{
    public static string Render(ReportIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        // Only runs with a database get its columns: the HTTP-only summary stays as it was.
        var database = index.OrderedCells.Any(c => c.Repeats.Any(r => r.Measurement.Database is not null || r.Measurement.Writes is not null));
        string[] header =
        [
            "pair", "profile", "role", "scenario", "concurrency", "status", "repeats",
            "median_req_s", "req_s_q1", "req_s_q3", "p50_us", "p95_us", "p99_us",
            "throughput_cv", "per_second_cv", "unstable", "requests", "errors", "contract_violations",
            "median_cpu_s", "peak_rss_kib",
        ];
        var csv = new Csv(database ? [.. header, "median_db_cpu_s", "peak_db_rss_kib", "writes_201", "rows_inserted"] : header);
        foreach (var cell in index.OrderedCells)
        {
            var a = cell.Statistics;
            var measured = a.Throughput is not null;
            string[] row =
            [
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
                Fmt.Fixed(a.RssPeakKib?.Max, 0),
            ];
            csv.Row(database ? [.. row, .. DatabaseColumns(cell)] : row);
        }

        return csv.ToString();
    }

    private static string[] DatabaseColumns(SideReport cell)
    {
        var passes = cell.Repeats.Select(r => r.Measurement).ToList();
        var cpu = passes.Select(m => m.Database?.CpuSeconds).OfType<double>().Order().ToList();
        var writes = passes.Select(m => m.Writes).OfType<Statistics.WriteReconciliation>().ToList();
        return
        [
            cpu.Count == 0 ? "" : Fmt.Fixed(cpu.Count % 2 == 1 ? cpu[cpu.Count / 2] : (cpu[(cpu.Count / 2) - 1] + cpu[cpu.Count / 2]) / 2, 3),
            passes.Any(m => m.Database is not null) ? Fmt.Fixed(passes.Max(m => m.Database?.RssPeakKib ?? 0), 0) : "",
            writes.Count == 0 ? "" : Fmt.Integer(writes.Sum(w => w.Expected)),
            writes.Count == 0 ? "" : Fmt.Integer(writes.Sum(w => w.Inserted)),
        ];
    }
}
