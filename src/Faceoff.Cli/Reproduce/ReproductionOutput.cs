using System.Globalization;
using Spectre.Console;

namespace Faceoff.Cli.Reproduce;

/// <summary>The per-claim and per-row tables, what differs between the machines, and the one-line verdict.</summary>
internal static class ReproductionOutput
{
    public static void Write(ReproductionDocument document, bool terminal, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal)
        {
            // Redirected output has no width; wide enough that intervals and reasons are not wrapped mid-number.
            console.Profile.Width = 240;
        }

        var claims = ConsoleTables.Rich($"Claims: reproduction of {document.Original.RunId}", ["claim", "pair", "scenario", "original", "reproduction", "outcome", "why"]);
        foreach (var c in document.Claims)
        {
            claims.AddRow(Cells(c.ClaimId, c.Pair, c.Scenario, ReproductionFiles.Status(c.OriginalStatus), ReproductionFiles.Status(c.NewStatus), ReproductionComparer.Text(c.Outcome), c.Reason));
        }
        if (document.Claims.Count == 0)
        {
            claims.AddRow(Cells("(the protocol has no claims)", "", "", "", "", "", ""));
        }
        console.Write(claims);

        var rows = ConsoleTables.Rich("Rows: throughput ratio, candidate ÷ reference [CI]", ["pair", "scenario", "c", "original", "reproduction", "outcome", "why"]);
        foreach (var r in document.Rows)
        {
            rows.AddRow(Cells(r.Pair, r.Scenario, r.Concurrency.ToString(CultureInfo.InvariantCulture),
                ReproductionFiles.Side(r.OriginalVerdict, r.OriginalRatio), ReproductionFiles.Side(r.NewVerdict, r.NewRatio), ReproductionComparer.Text(r.Outcome), r.Reason));
        }
        console.Write(rows);

        var differences = ConsoleTables.Rich("What differs between the two runs", ["kind", "name", "original", "reproduction"]);
        foreach (var (kind, d) in document.MachineDifferences.Select(d => ("machine", d)).Concat(document.ToolDifferences.Select(d => ("tool", d))))
        {
            differences.AddRow(Cells(kind, d.Name, d.Original ?? "not recorded", d.New ?? "not recorded"));
        }
        if (document.MachineDifferences.Count + document.ToolDifferences.Count == 0)
        {
            differences.AddRow(Cells("(none)", "machine facts and tool versions are the same", "", ""));
        }
        console.Write(differences);
        if (!document.Original.ProtocolHashMatches)
        {
            console.WriteLine($"note: {document.Original.ReportPath}: the resolved protocol read back does not hash to the one the original run recorded; it was re-run as read.");
        }
        console.WriteLine(Summary(document));
    }

    public static string Summary(ReproductionDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var claims = document.Claims.Count(c => c.Outcome == ReproductionOutcome.Reproduced);
        var rows = Enum.GetValues<ReproductionOutcome>()
            .Select(o => (Outcome: o, Count: document.Rows.Count(r => r.Outcome == o)))
            .Where(c => c.Count > 0)
            .Select(c => $"{c.Count} {ReproductionComparer.Text(c.Outcome)}");
        return $"faceoff reproduce: {(document.Reproduced ? "REPRODUCED" : "NOT REPRODUCED")}: {claims} of {document.Claims.Count} claim(s) reproduced; "
            + $"rows: {string.Join(", ", rows)}.";
    }

    private static Text[] Cells(params string[] cells) => [.. cells.Select(c => new Text(c))];
}
