using System.Text;
using Faceoff.Reporting.Model;
using Faceoff.Reporting.Text;

namespace Faceoff.Reporting.Html;

/// <summary>The lower part of the page: charts per pair and scenario, cells needing attention, artifact links.</summary>
internal static class HtmlSections
{
    public static string ChartsAnchor(PairView view) => "charts-" + view.Pair.Name;

    public static void AppendCharts(ReportIndex index, StringBuilder html)
    {
        foreach (var view in index.Pairs)
        {
            html.Append("<section id=\"").Append(H.Escape(ChartsAnchor(view))).Append("\">\n<h2>Charts: ").Append(H.Escape(view.Pair.Name))
                .Append(" <span class=\"pair-title\">").Append(H.Escape($"{view.Pair.CandidateFramework} vs {view.Pair.ReferenceFramework}"))
                .Append("</span></h2>\n");
            foreach (var scenario in view.Scenarios)
            {
                html.Append("<div class=\"scenario\">\n<div class=\"scenario-head\"><h3>").Append(H.Escape(scenario)).Append("</h3><span class=\"legend\">");
                foreach (var role in new[] { Side.Candidate, Side.Reference })
                {
                    html.Append("<span class=\"key ").Append(H.Escape(CellCharts.Css(role))).Append("\">").Append(H.Escape(EnumText.Of(role)))
                        .Append(": ").Append(H.Escape(view.ProfileOf(role))).Append("</span>");
                }

                html.Append("</span></div>\n<div class=\"charts\">\n");
                foreach (var figure in CellCharts.For(index, view, scenario))
                {
                    html.Append("<figure class=\"chart\">\n<figcaption class=\"chart-title\">").Append(H.Escape(figure.Title)).Append("</figcaption>\n")
                        .Append(figure.Chart.Render()).Append('\n')
                        .Append("<p class=\"chart-note\">").Append(H.Escape(figure.Note)).Append("</p>\n</figure>\n");
                }

                html.Append("</div>\n</div>\n");
            }

            html.Append("</section>\n");
        }
    }

    public static void AppendProblems(ReportIndex index, string linkBase, StringBuilder html)
    {
        html.Append("<section id=\"attention\">\n<h2>Cells needing attention</h2>\n");
        var failed = index.OrderedCells.Where(c => c.Status == CellStatus.Failed).ToList();
        var unstable = index.OrderedCells.Where(c => c.Statistics.IsUnstable).ToList();
        if (failed.Count == 0 && unstable.Count == 0)
        {
            html.Append("<p>Every cell completed and every cell was stable.</p>\n</section>\n");
            return;
        }

        foreach (var cell in failed)
        {
            var failure = cell.Failure;
            var ending = failure switch
            {
                { Signal: { } signal } => "; ended by " + signal,
                { ExitStatus: { } exit } => "; exit status " + Fmt.Integer(exit),
                _ => "",
            };
            html.Append("<div class=\"problem\"><strong>").Append(H.Escape(cell.Key)).Append("</strong> failed: ")
                .Append(H.Escape((failure?.Reason ?? "no reason recorded") + ending)).Append('.');
            AppendLogLink(cell, linkBase, html);
            if (failure is { LogTail.Count: > 0 })
            {
                html.Append("<pre><code>").Append(H.Escape(string.Join('\n', failure.LogTail))).Append("</code></pre>");
            }

            html.Append("</div>\n");
        }

        foreach (var cell in unstable)
        {
            var statistics = cell.Statistics;
            html.Append("<div class=\"problem unstable\"><strong>").Append(H.Escape(cell.Key)).Append("</strong> is unstable (throughput CV ")
                .Append(H.Escape(Fmt.Percent(statistics.Throughput?.Cv))).Append(" across repeats, bound ")
                .Append(H.Escape(Fmt.Percent(index.Report.Protocol.MaxCvRatio, 0))).Append(')')
                .Append(H.Escape(statistics.Issues.Count > 0 ? ": " + string.Join("; ", statistics.Issues.Select(i => i.Message)) : "")).Append('.');
            AppendLogLink(cell, linkBase, html);
            html.Append("</div>\n");
        }

        html.Append("</section>\n");
    }

    public static void AppendArtifacts(CampaignReport report, string linkBase, StringBuilder html)
    {
        html.Append("<section id=\"artifacts\">\n<h2>Artifacts</h2>\n<p>The publication pack (sizes and SHA-256 of every file are in ")
            .Append(H.Link(linkBase, PublicationFiles.Manifest)).Append("):</p>\n<table class=\"artifacts\">\n<tr><th>File</th><th>What it is</th></tr>\n");
        (string File, string What)[] outputs =
        [
            (PublicationFiles.Report, "the full report as JSON: every number on this page and more"),
            (PublicationFiles.FrameworkSummary, "one row per profile × scenario × step"),
            (PublicationFiles.ComparisonCsv, "the comparison rows with every ratio and interval"),
            (PublicationFiles.ComparisonMarkdown, "the comparison and claims as Markdown"),
            (PublicationFiles.Methodology, "the methodology note"),
            (PublicationFiles.Manifest, "size and SHA-256 of every file of the run"),
            (PublicationFiles.Bundle, "the raw artifacts below, in one archive"),
        ];
        foreach (var (file, what) in outputs)
        {
            html.Append("<tr>").Append(H.Raw(H.Link(linkBase, file))).Append(H.Td(what)).Append("</tr>\n");
        }

        html.Append("</table>\n");
        if (report.Artifacts.Count == 0)
        {
            html.Append("<p>No raw artifacts were recorded.</p>\n</section>\n");
            return;
        }

        html.Append("<h3>Raw artifacts</h3>\n<table class=\"artifacts\">\n<tr><th>File</th><th class=\"num\">Size</th><th>SHA-256</th></tr>\n");
        foreach (var artifact in report.Artifacts.OrderBy(a => a.Path, StringComparer.Ordinal))
        {
            html.Append("<tr>").Append(H.Raw(H.Link(linkBase, artifact.Path))).Append(H.Num(Fmt.Bytes(artifact.Bytes)))
                .Append("<td class=\"mono\">").Append(H.Escape(artifact.Sha256)).Append("</td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    private static void AppendLogLink(SideReport cell, string linkBase, StringBuilder html)
    {
        if (cell.ServerLogPath is { } log)
        {
            html.Append(" Server log: ").Append(H.Link(linkBase, log)).Append('.');
        }
    }
}
