using Faceoff.Reporting.Model;
using Faceoff.Reporting.Text;
using Spectre.Console;

namespace Faceoff.Cli;

/// <summary>
/// The comparison table, the claims and the A/A result at the end of a run, printed from the report the pack was
/// written from: a Spectre table on a terminal, aligned text otherwise. Why a row is not publishable goes under the
/// table, where a long reason does not squeeze the columns.
/// </summary>
internal static class RunSummaryOutput
{
    private static readonly string[] Columns = ["pair", "scenario", "c", "cand req/s", "ref req/s", "throughput ratio [CI]", "p99 ratio [CI]", "verdict"];

    public static void Write(CampaignReport report, bool terminal, TextWriter output)
    {
        var rows = report.Comparisons.Select(r => new[]
        {
            r.Pair, r.Scenario, Fmt.Integer(r.Concurrency), Fmt.Rps(r.Candidate.MedianRps), Fmt.Rps(r.Reference.MedianRps),
            Fmt.RatioWithCi(r.ThroughputRatio), Fmt.RatioWithCi(r.P99Ratio), SmokeVerdict.Words(report, r.Verdict),
        }).ToList();
        var reasons = report.Comparisons
            .Where(r => r.Verdict == Statistics.Verdict.NotPublishable)
            .Select(r => $"{r.Pair} {r.Scenario} c={r.Concurrency}: {string.Join("; ", r.Blockers)}")
            .ToList();
        var claims = report.Claims.Select(c => $"{c.Target.ClaimId} {c.Target.Pair}/{c.Target.Scenario}: {EnumText.Words(c.Status)} ({c.Summary})").ToList();
        if (terminal)
        {
            var table = ConsoleTables.Rich("Comparison (candidate ÷ reference)", Columns);
            foreach (var row in rows)
            {
                table.AddRow([.. row.Select(cell => new Text(cell))]);
            }
            AnsiConsole.Write(table);
        }
        else
        {
            output.WriteLine("Comparison (candidate ÷ reference)");
            ConsoleTables.WritePlain(output, [.. rows.Prepend(Columns)]);
        }
        if (report.Environment.QuickMode)
        {
            output.WriteLine(SmokeVerdict.Why);
        }
        Section(output, "Not publishable", reasons);
        Section(output, "Claims", claims);
        foreach (var line in report.Aa?.Lines ?? [])
        {
            output.WriteLine(line);
        }
    }

    private static void Section(TextWriter output, string title, List<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }
        output.WriteLine(title);
        foreach (var line in lines)
        {
            output.WriteLine("  " + line);
        }
    }
}
