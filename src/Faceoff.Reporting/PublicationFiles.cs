namespace Faceoff.Reporting;

/// <summary>The file names of the publication pack, in the run directory and in the latest-pointer directory.</summary>
public static class PublicationFiles
{
    public const string Report = "phased_campaign_report.json";
    public const string FrameworkSummary = "phased_framework_summary.csv";
    public const string ComparisonCsv = "phased_comparison.csv";
    public const string ComparisonMarkdown = "phased_comparison.md";
    public const string Methodology = "phased_methodology.md";
    public const string Html = "report.html";
    public const string Manifest = "artifact_manifest.json";
    public const string Bundle = "phased_raw_artifacts.tar.gz";

    public const string LatestReport = "latest_campaign_report.json";
    public const string LatestComparisonCsv = "latest_comparison.csv";
    public const string LatestComparisonMarkdown = "latest_comparison.md";
    public const string LatestMethodology = "latest_methodology.md";
    public const string LatestHtml = "latest_report.html";

    /// <summary>Every output rendered from the report alone, in the order they are written.</summary>
    public static IReadOnlyList<string> Rendered { get; } =
        [Report, FrameworkSummary, ComparisonCsv, ComparisonMarkdown, Methodology, Html];
}
