using Faceoff.Reporting.Html;
using Faceoff.Reporting.Model;

namespace Faceoff.Reporting.Artifacts;

/// <summary>
/// The <c>latest_*</c> copies in the output directory, pointing readers at the newest verified run.
/// The page is re-rendered with links that lead back into the run directory; the other files are copies.
/// </summary>
public static class LatestPointers
{
    private static readonly (string Source, string Latest)[] Copies =
    [
        (PublicationFiles.Report, PublicationFiles.LatestReport),
        (PublicationFiles.ComparisonCsv, PublicationFiles.LatestComparisonCsv),
        (PublicationFiles.ComparisonMarkdown, PublicationFiles.LatestComparisonMarkdown),
        (PublicationFiles.Methodology, PublicationFiles.LatestMethodology),
    ];

    /// <returns>The files written, in the latest directory.</returns>
    public static IReadOnlyList<string> Update(CampaignReport report, string runDir, string latestDir)
    {
        var written = new List<string>();
        foreach (var (source, latest) in Copies)
        {
            var target = Path.Combine(latestDir, latest);
            AtomicFile.Copy(Path.Combine(runDir, source), target);
            written.Add(target);
        }

        var linkBase = Path.GetRelativePath(Path.GetFullPath(latestDir), Path.GetFullPath(runDir)).Replace(Path.DirectorySeparatorChar, '/') + "/";
        var methodology = File.ReadAllText(Path.Combine(runDir, PublicationFiles.Methodology));
        var html = Path.Combine(latestDir, PublicationFiles.LatestHtml);
        AtomicFile.WriteAllText(html, HtmlReport.Render(new ReportIndex(report), methodology, linkBase));
        written.Add(html);
        return written;
    }
}
