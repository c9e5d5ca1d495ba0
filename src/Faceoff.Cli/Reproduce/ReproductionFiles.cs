using System.Text;
using Faceoff.Campaign.Storage;
using Faceoff.Reporting;
using Faceoff.Reporting.Artifacts;
using Faceoff.Reporting.Model;
using Faceoff.Statistics;

namespace Faceoff.Cli.Reproduce;

/// <summary>Where a reproduction came from: the original pack, named so a reader can find and check it.</summary>
internal sealed record OriginalLink(string RunId, string RunDirectory, string ReportPath, string ReportSha256, string? ProtocolHash, bool ProtocolHashMatches);

/// <summary>The body of <c>reproduction.json</c>.</summary>
internal sealed record ReproductionDocument(
    int SchemaVersion,
    OriginalLink Original,
    string ReproductionRunId,
    bool Reproduced,
    IReadOnlyList<string> Definition,
    IReadOnlyList<ClaimReproduction> Claims,
    IReadOnlyList<RowReproduction> Rows,
    IReadOnlyList<FactDifference> MachineDifferences,
    IReadOnlyList<FactDifference> ToolDifferences);

/// <summary>
/// Writes <c>reproduction.json</c> and <c>reproduction.md</c> into the reproduction's own run directory and lists them
/// in its manifest (the manifest is re-hashed; the raw bundle, which they are not part of, is unchanged).
/// </summary>
internal static class ReproductionFiles
{
    public const string Json = "reproduction.json";
    public const string Markdown = "reproduction.md";

    public static ReproductionDocument Document(OriginalPack original, string runId, ReproductionResult result)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(result);
        var link = new OriginalLink(original.Report.RunId, original.RunDirectory, original.ReportPath, original.ReportSha256,
            original.RecordedProtocolHash, original.ProtocolHashMatches);
        return new ReproductionDocument(1, link, runId, result.Reproduced, ReproductionComparer.Definition,
            result.Claims, result.Rows, result.Machine, result.Tools);
    }

    public static void Write(string runDirectory, ReproductionDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        AtomicFile.WriteAllText(Path.Combine(runDirectory, Json), CampaignJson.Serialize(document));
        AtomicFile.WriteAllText(Path.Combine(runDirectory, Markdown), RenderMarkdown(document));
        var manifestPath = Path.Combine(runDirectory, PublicationFiles.Manifest);
        if (File.Exists(manifestPath))
        {
            var manifest = ReportJson.ReadManifest(manifestPath);
            ManifestBuilder.Write(runDirectory, manifest.RunId, [.. manifest.Files.Where(f => f.InBundle).Select(f => f.Path)]);
        }
    }

    public static string RenderMarkdown(ReproductionDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = new StringBuilder();
        var o = document.Original;
        text.AppendLine($"# Reproduction of run {o.RunId}");
        text.AppendLine();
        text.AppendLine($"This run ({document.ReproductionRunId}) re-ran the original's resolved protocol. Result: **{(document.Reproduced ? "reproduced" : "not reproduced")}**.");
        text.AppendLine();
        text.AppendLine($"- original run directory: `{o.RunDirectory}`");
        text.AppendLine($"- original report: `{o.ReportPath}` (SHA-256 `{o.ReportSha256}`)");
        text.AppendLine(o.ProtocolHashMatches
            ? $"- protocol hash: `{o.ProtocolHash}` (the protocol read back hashes to the one the original recorded)"
            : $"- protocol hash: the protocol read back does not hash to the one the original recorded (`{o.ProtocolHash ?? "none"}`): the pack was written by a Faceoff whose protocol had other fields, or it was edited");
        text.AppendLine();
        text.AppendLine("## Definition");
        text.AppendLine();
        foreach (var line in document.Definition)
        {
            text.AppendLine($"- {line}");
        }
        text.AppendLine();
        text.AppendLine("## Claims");
        text.AppendLine();
        text.AppendLine("| claim | pair | scenario | original | reproduction | outcome | why |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var c in document.Claims)
        {
            text.AppendLine($"| {c.ClaimId} | {c.Pair} | {c.Scenario} | {Status(c.OriginalStatus)} | {Status(c.NewStatus)} | {ReproductionComparer.Text(c.Outcome)} | {Cell(c.Reason)} |");
        }
        text.AppendLine();
        text.AppendLine("## Rows (throughput ratio, candidate ÷ reference)");
        text.AppendLine();
        text.AppendLine("| pair | scenario | c | original | reproduction | outcome | why |");
        text.AppendLine("|---|---|---:|---|---|---|---|");
        foreach (var r in document.Rows)
        {
            text.AppendLine($"| {r.Pair} | {r.Scenario} | {r.Concurrency} | {Side(r.OriginalVerdict, r.OriginalRatio)} | {Side(r.NewVerdict, r.NewRatio)} | {ReproductionComparer.Text(r.Outcome)} | {Cell(r.Reason)} |");
        }
        text.AppendLine();
        text.AppendLine("## What differs between the two runs");
        text.AppendLine();
        var differences = document.MachineDifferences.Select(d => ("machine", d)).Concat(document.ToolDifferences.Select(d => ("tool", d))).ToList();
        if (differences.Count == 0)
        {
            text.AppendLine("Machine facts and tool versions are the same in both runs.");
        }
        foreach (var (kind, d) in differences)
        {
            text.AppendLine($"- {kind} {d.Name}: `{d.Original ?? "not recorded"}` → `{d.New ?? "not recorded"}`");
        }
        return text.ToString();
    }

    public static string Side(Verdict? verdict, Interval? ratio) =>
        verdict is null ? "no row" : ratio is null ? ReproductionComparer.Text(verdict.Value) : $"{ReproductionComparer.Text(verdict.Value)}, {ratio}";

    public static string Status(Statistics.Claims.ClaimStatus? status) => status is null ? "no claim" : ReproductionComparer.Text(status.Value);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
