using System.Globalization;
using Faceoff.Statistics;
using Faceoff.Statistics.Regression;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Faceoff.Cli.Compare;

/// <summary>The policy in force, the per-cell table and the summary line: a Spectre table on a terminal, aligned text otherwise.</summary>
internal static class CompareOutput
{
    private const string Title = "Regression gate (current ÷ baseline)";
    private const int VerdictColumn = 6;

    private static readonly string[] Columns =
        ["profile", "scenario", "c", "throughput ratio [CI]", "p95 ratio [CI]", "peak RSS growth", "verdict", "reasons"];

    /// <param name="policySource">The policy file, or null when the seed's default policy is in force.</param>
    public static string PolicyLine(RegressionPolicy policy, string? policySource, StatisticsSettings settings) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Policy: {policySource ?? "the seed's default policy (no --policy given)"}: latency_regression_ratio {policy.LatencyRegressionRatio}, "
            + $"throughput_floor_ratio {policy.ThroughputFloorRatio}, memory_growth_kb_max {policy.MemoryGrowthKbMax}, "
            + $"memory_growth_ratio {policy.MemoryGrowthRatio}. A cell regresses only when its whole "
            + $"{settings.ConfidenceLevel * 100:0.##}% CI is past a threshold.");

    public static string Summary(IReadOnlyList<CompareRow> rows, bool passed)
    {
        var counts = Enum.GetValues<CompareVerdict>()
            .Select(v => (Verdict: v, Count: rows.Count(r => r.Verdict == v)))
            .Where(c => c.Count > 0)
            .OrderByDescending(c => c.Verdict)
            .Select(c => $"{c.Count} {c.Verdict.ToString().ToLowerInvariant()}");
        var cells = rows.Count == 1 ? "1 cell" : $"{rows.Count} cells";
        return $"faceoff compare: {(passed ? "PASS" : "FAIL")}: {cells}: {string.Join(", ", counts)}.";
    }

    public static void Write(IReadOnlyList<CompareRow> rows, string header, string summary, bool passed, bool terminal, TextWriter output)
    {
        var lines = rows.Select(Cells).ToList();
        if (terminal)
        {
            AnsiConsole.WriteLine(header);
            var table = ConsoleTables.Rich(Title, Columns);
            foreach (var (row, line) in rows.Zip(lines))
            {
                table.AddRow([.. line.Select((cell, i) => Render(cell, i == VerdictColumn ? row.Verdict : null))]);
            }
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[bold {(passed ? "default" : "red")}]{Markup.Escape(summary)}[/]");
            return;
        }

        output.WriteLine(header);
        output.WriteLine();
        output.WriteLine(Title);
        ConsoleTables.WritePlain(output, [.. lines.Prepend(Columns)]);
        output.WriteLine(summary);
    }

    private static string[] Cells(CompareRow row) =>
    [
        row.Gate.Key.Profile,
        row.Gate.Key.Scenario,
        row.Gate.Key.Concurrency.ToString(CultureInfo.InvariantCulture),
        CompareRows.Ratio(row.Gate.Throughput?.Ratio),
        CompareRows.Ratio(row.Gate.LatencyP95?.Ratio),
        CompareRows.Growth(row.Gate.MemoryGrowthKib),
        row.VerdictText,
        row.Reasons,
    ];

    private static IRenderable Render(string cell, CompareVerdict? verdict) =>
        verdict is { } v ? new Markup($"[{Color(v)}]{Markup.Escape(cell)}[/]") : new Text(cell);

    private static string Color(CompareVerdict verdict) => verdict switch
    {
        CompareVerdict.Regression or CompareVerdict.Missing or CompareVerdict.Failed => "red",
        CompareVerdict.Improvement => "green",
        CompareVerdict.Inconclusive => "yellow",
        _ => "default",
    };
}
