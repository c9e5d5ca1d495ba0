using Faceoff.Parity;
using Faceoff.Protocol.Model;
using Spectre.Console;

namespace Faceoff.Cli;

/// <summary>The parity report as one table: a row per claim and scope (scenario, keep-alive, framework), worst status first seen.</summary>
internal static class ParityTable
{
    private static readonly string[] Columns = ["claim", "scope", "status", "checks", "detail"];

    public static List<string[]> Rows(CampaignProtocol protocol, ParityReport report) =>
        [.. ReportAssembler.Scoped(protocol, report.Pairs, report.Frameworks)
            .GroupBy(s => (s.ClaimId, s.Scope))
            .Select(group =>
            {
                var findings = group.Select(s => s.Finding).ToList();
                var judged = findings.Where(f => f.Status != ParityStatus.Info).ToList();
                var status = ParityVerdict.Worst(findings);
                var detail = status == ParityStatus.Pass
                    ? findings.FirstOrDefault(f => f.Check == "backpressure.overload")?.Message ?? string.Empty
                    : findings.First(f => f.Status == status).OneLine;
                return new[]
                {
                    group.Key.ClaimId ?? "-",
                    group.Key.Scope,
                    status.ToString().ToLowerInvariant(),
                    $"{judged.Count(f => f.Status == ParityStatus.Pass)}/{judged.Count}",
                    detail,
                };
            })];

    public static void WriteRich(List<string[]> rows)
    {
        // Only the detail may wrap: ids and scopes broken across lines are hard to read and to copy.
        var table = ConsoleTables.Rich("Parity gate", Columns, column => column == "detail" ? new TableColumn(column) : new TableColumn(column).NoWrap());
        foreach (var row in rows)
        {
            var color = row[2] switch { "fail" => "red", "warn" => "yellow", _ => "green" };
            table.AddRow(new Text(row[0]), new Text(row[1]), new Markup($"[{color}]{row[2]}[/]"), new Text(row[3]), new Text(row[4]));
        }

        AnsiConsole.Write(table);
    }

    /// <summary>Aligned columns for pipes, logs and CI.</summary>
    public static void WritePlain(List<string[]> rows, TextWriter output) => ConsoleTables.WritePlain(output, [.. rows.Prepend(Columns)], indent: "");
}
