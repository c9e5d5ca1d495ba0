using System.Globalization;
using Faceoff.Campaign.Model;
using Spectre.Console;

namespace Faceoff.Cli;

/// <summary>
/// The comparison table and the claims at the end of a run: a Spectre table on a terminal, aligned text otherwise.
/// Why a row is not publishable goes under the table, where a long reason does not squeeze the columns.
/// </summary>
internal static class RunSummaryOutput
{
    private static readonly string[] Columns = ["pair", "scenario", "c", "cand req/s", "ref req/s", "throughput ratio [CI]", "p99 ratio [CI]", "verdict"];

    public static void Write(CampaignSummary summary, bool terminal, TextWriter output)
    {
        var rows = summary.Rows.Select(r => new[]
        {
            r.Pair, r.Scenario, r.Concurrency.ToString(CultureInfo.InvariantCulture), Rps(r.CandidateRps), Rps(r.ReferenceRps),
            r.ThroughputRatio, r.LatencyP99Ratio, r.Verdict,
        }).ToList();
        var reasons = summary.Rows.Where(r => !r.Publishable).Select(r => $"{r.Pair} {r.Scenario} c={r.Concurrency}: {r.Why}").ToList();
        var claims = summary.Claims.Select(c => $"{c.ClaimId} {c.Pair}/{c.Scenario}: {c.Status} ({c.Reason})").ToList();
        if (terminal)
        {
            var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle(Markup.Escape("Comparison (candidate ÷ reference)")) };
            foreach (var column in Columns)
            {
                table.AddColumn(Markup.Escape(column));
            }
            foreach (var row in rows)
            {
                table.AddRow([.. row.Select(cell => new Text(cell))]);
            }
            AnsiConsole.Write(table);
        }
        else
        {
            output.WriteLine("Comparison (candidate ÷ reference)");
            var lines = rows.Prepend(Columns).ToList();
            var widths = Columns.Select((_, i) => lines.Max(line => line[i].Length)).ToArray();
            foreach (var line in lines)
            {
                output.WriteLine(("  " + string.Join("  ", line.Select((cell, i) => cell.PadRight(widths[i])))).TrimEnd());
            }
        }
        Section(output, "Not publishable", reasons);
        Section(output, "Claims", claims);
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

    private static string Rps(double? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "-";
}
