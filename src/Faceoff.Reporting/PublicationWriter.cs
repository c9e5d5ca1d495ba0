using System.Text;
using Faceoff.Reporting.Artifacts;
using Faceoff.Reporting.Html;
using Faceoff.Reporting.Model;
using Faceoff.Reporting.Text;

namespace Faceoff.Reporting;

/// <summary>One output rendered from the report: its file name in the run directory and its text.</summary>
public sealed record RenderedOutput(string FileName, string Content)
{
    public byte[] Bytes => Encoding.UTF8.GetBytes(Content);
}

/// <summary>What sealing a run produced: the manifest, the bundle check and whether the latest pointers moved.</summary>
/// <param name="Findings">Problems the bundle check found; the latest pointers are only updated when there are none.</param>
public sealed record SealResult(ArtifactManifest Manifest, IReadOnlyList<string> Bundled, IReadOnlyList<VerificationFinding> Findings, bool LatestUpdated);

/// <summary>
/// Writes the publication pack. <see cref="WriteAll"/> renders every text and HTML output from the report
/// alone (so <c>faceoff report</c> can regenerate them byte-identical); <see cref="Seal"/> then bundles the
/// raw artifacts, writes the manifest, re-reads the bundle against it and only then updates the latest pointers.
/// </summary>
public static class PublicationWriter
{
    /// <summary>Every output that depends on nothing but the report, in <see cref="PublicationFiles.Rendered"/> order.</summary>
    public static IReadOnlyList<RenderedOutput> Render(CampaignReport report)
    {
        var index = new ReportIndex(report);
        var methodology = MethodologyMarkdown.Render(index);
        return
        [
            new(PublicationFiles.Report, ReportJson.Serialize(report)),
            new(PublicationFiles.FrameworkSummary, FrameworkSummaryCsv.Render(index)),
            new(PublicationFiles.ComparisonCsv, ComparisonCsv.Render(index)),
            new(PublicationFiles.ComparisonMarkdown, ComparisonMarkdown.Render(index)),
            new(PublicationFiles.Methodology, methodology),
            new(PublicationFiles.Html, HtmlReport.Render(index, methodology)),
        ];
    }

    /// <summary>Writes the report JSON and every rendered output into <paramref name="runDir"/>, each atomically.</summary>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> WriteAll(CampaignReport report, string runDir)
    {
        var written = new List<string>();
        foreach (var output in Render(report))
        {
            var path = Path.Combine(runDir, output.FileName);
            AtomicFile.WriteAllText(path, output.Content);
            written.Add(path);
        }

        return written;
    }

    /// <summary>
    /// Bundles <paramref name="bundleInputs"/> (run-relative files or directories), writes the manifest of the
    /// whole run directory, verifies the bundle against it, and — only if that finds nothing — updates the
    /// latest pointers in <paramref name="latestDir"/> (skipped when null).
    /// </summary>
    public static SealResult Seal(CampaignReport report, string runDir, IEnumerable<string> bundleInputs, string? latestDir)
    {
        ArgumentNullException.ThrowIfNull(report);
        var bundled = RawBundle.Write(runDir, bundleInputs, Path.Combine(runDir, PublicationFiles.Bundle), report.StartedUtc);
        var manifest = ManifestBuilder.Write(runDir, report.RunId, bundled);
        var findings = BundleVerifier.Verify(runDir);
        var update = findings.Count == 0 && latestDir is not null;
        if (update)
        {
            LatestPointers.Update(report, runDir, latestDir!);
        }

        return new SealResult(manifest, bundled, findings, update);
    }

    /// <summary><see cref="WriteAll"/> then <see cref="Seal"/>: the whole pack in one call.</summary>
    public static SealResult Publish(CampaignReport report, string runDir, IEnumerable<string> bundleInputs, string? latestDir)
    {
        WriteAll(report, runDir);
        return Seal(report, runDir, bundleInputs, latestDir);
    }
}
