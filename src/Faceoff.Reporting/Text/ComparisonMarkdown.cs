using System.Text;
using Faceoff.Reporting.Model;

using Faceoff.Statistics;

namespace Faceoff.Reporting.Text;

/// <summary>
/// <c>phased_comparison.md</c>: the claims first, then per pair a scenario × step table with both
/// profiles' throughput and p95, the ratios with their intervals and the verdict, then the reasons
/// behind every row that is not a clean verdict.
/// </summary>
public static class ComparisonMarkdown
{
    public static string Render(ReportIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var report = index.Report;
        var text = new StringBuilder();
        text.Append("# Faceoff comparison: ").Append(report.Protocol.Name).Append("\n\n");
        text.Append(Headline(report)).Append("\n\n");
        text.Append(ReadingGuide(report)).Append("\n\n");
        if (LaunchText.Warning(report.Comparisons) is { } warning)
        {
            text.Append("**").Append(warning).Append("**\n\n");
        }
        if (report.Environment.QuickMode)
        {
            text.Append("**").Append(SmokeVerdict.Why).Append("**\n\n");
        }

        text.Append("## Claims\n\n");
        AppendClaims(report, text);

        foreach (var view in index.Pairs)
        {
            text.Append("\n## ").Append(view.Pair.Name).Append(": ")
                .Append(view.Pair.CandidateFramework).Append(" (").Append(view.Pair.CandidateProfile).Append(") vs ")
                .Append(view.Pair.ReferenceFramework).Append(" (").Append(view.Pair.ReferenceProfile).Append(")\n\n");
            AppendPair(index, view, text);
        }

        return text.ToString();
    }

    /// <summary>One line a reader sees first: run, status, and whether the numbers may be quoted.</summary>
    internal static string Headline(CampaignReport report) =>
        $"Run `{report.RunId}` · status **{EnumText.Words(report.Status)}** · started {Fmt.Utc(report.StartedUtc)}"
        + $" · finished {Fmt.Utc(report.FinishedUtc)} · parity {EnumText.Words(report.Parity.Status)} · "
        + (report.Publishable ? "publishable" : "**not publishable** (the parity gate did not pass; see the methodology)");

    internal static string ReadingGuide(CampaignReport report)
    {
        var protocol = report.Protocol;
        return $"Ratios are candidate ÷ reference of the medians across {protocol.Measured.Repeats} measured repeats; "
            + $"brackets hold the {Fmt.Fixed(protocol.ConfidenceLevel * 100, 0)}% confidence interval. "
            + "A throughput ratio above 1 or a latency ratio below 1 favours the candidate. "
            + $"An interval entirely inside [{Fmt.Fixed(1 - protocol.EquivalenceBand, 2)}, {Fmt.Fixed(1 + protocol.EquivalenceBand, 2)}] "
            + "is no significant difference; one that crosses an edge of that band is inconclusive.";
    }

    private static void AppendClaims(CampaignReport report, StringBuilder text)
    {
        if (report.Claims.Count == 0)
        {
            text.Append("No claims were evaluated.\n");
            return;
        }

        var table = new MarkdownTable("Claim", "Pair", "Scenario", "Status", "Per step", "Reason");
        foreach (var claim in report.Claims.OrderBy(c => c.Target.ClaimId, StringComparer.Ordinal))
        {
            table.Row(
                claim.Target.ClaimId,
                claim.Target.Pair,
                claim.Target.Scenario,
                "**" + EnumText.Words(claim.Status) + "**",
                string.Join(" · ", claim.Steps.OrderBy(s => s.Concurrency).Select(s => $"c={s.Concurrency} {EnumText.Words(s.Status)}")),
                claim.Summary);
        }

        table.AppendTo(text);
    }

    private static void AppendPair(ReportIndex index, PairView view, StringBuilder text)
    {
        var table = new MarkdownTable(
            "Scenario", ">c", ">Candidate req/s", ">Reference req/s", ">Throughput ratio [CI]",
            ">Candidate p95", ">Reference p95", ">p95 ratio [CI]", "Verdict");
        var notes = new List<string>();
        var launches = new List<string>();
        foreach (var scenario in view.Scenarios)
        {
            foreach (var step in view.Steps)
            {
                var row = index.Comparison(view.Pair.Name, scenario, step);
                if (row is null)
                {
                    table.Row(scenario, Fmt.Integer(step), Fmt.Missing, Fmt.Missing, Fmt.Missing, Fmt.Missing, Fmt.Missing, Fmt.Missing, "not compared");
                    notes.Add($"{scenario} at c={step}: no comparison row (the cells were not measured).");
                    continue;
                }

                table.Row(
                    scenario,
                    Fmt.Integer(step),
                    Fmt.Rps(row.Candidate.MedianRps),
                    Fmt.Rps(row.Reference.MedianRps),
                    RatioCell(row.ThroughputRatio),
                    Fmt.Latency(row.Candidate.P95Us),
                    Fmt.Latency(row.Reference.P95Us),
                    RatioCell(row.P95Ratio),
                    SmokeVerdict.Words(index.Report, row.Verdict));
                if (row.Launch is { } launch)
                {
                    launches.Add($"{scenario} at c={step}: {LaunchText.Line(launch)}");
                }
                if ((row.Verdict is Verdict.NotPublishable or Verdict.Inconclusive) && row.Reasons.Count > 0)
                {
                    notes.Add($"{scenario} at c={step} ({SmokeVerdict.Words(index.Report, row.Verdict)}): {string.Join("; ", row.Reasons)}");
                }
            }
        }

        table.AppendTo(text);
        if (notes.Count > 0)
        {
            text.Append('\n');
            foreach (var note in notes)
            {
                text.Append("- ").Append(note).Append('\n');
            }
        }
        if (launches.Count > 0)
        {
            text.Append("\nThroughput launches and variance components of ln(req/s), candidate / reference:\n\n");
            foreach (var line in launches)
            {
                text.Append("- ").Append(line).Append('\n');
            }
        }
    }

    private static string RatioCell(Interval? ratio) =>
        Fmt.RatioWithCi(ratio);
}
