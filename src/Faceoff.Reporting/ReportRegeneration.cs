using Faceoff.Reporting.Artifacts;
using Faceoff.Reporting.Model;

namespace Faceoff.Reporting;

/// <summary>How a regenerated output compares with what the run recorded.</summary>
public enum RegeneratedState
{
    /// <summary>Byte-identical to the run's manifest (or, without a manifest, to the file on disk).</summary>
    Identical,

    /// <summary>Different bytes: the renderer or the report changed since the run.</summary>
    Differs,

    /// <summary>Nothing to compare with: no manifest entry and no earlier file.</summary>
    NotRecorded,

    /// <summary>Different bytes because the report was written by an earlier schema and read through its migration.</summary>
    Upgraded,
}

public sealed record RegeneratedOutput(string FileName, RegeneratedState State, string Sha256);

/// <summary>
/// The work of <c>faceoff report &lt;run-dir&gt;</c>: read the run's report JSON, render every output
/// again, compare each with the run's manifest, and write them. The report JSON itself is compared
/// but never rewritten: it is the source of truth.
/// </summary>
public static class ReportRegeneration
{
    /// <param name="outputDir">Where to write the outputs; the run directory when null.</param>
    /// <exception cref="FileNotFoundException">The run directory has no report JSON.</exception>
    /// <exception cref="System.Text.Json.JsonException">The report JSON is not a readable report.</exception>
    public static IReadOnlyList<RegeneratedOutput> Run(string runDir, string? outputDir = null)
    {
        var reportPath = Path.Combine(runDir, PublicationFiles.Report);
        if (!File.Exists(reportPath))
        {
            throw new FileNotFoundException($"No {PublicationFiles.Report} in {runDir}.", reportPath);
        }

        var text = File.ReadAllText(reportPath, System.Text.Encoding.UTF8);
        var upgraded = ReportJson.SchemaVersionOf(text) is { } version && version != CampaignReport.CurrentSchemaVersion;
        var report = ReportJson.DeserializeReport(text);
        var manifestPath = Path.Combine(runDir, PublicationFiles.Manifest);
        var recorded = File.Exists(manifestPath)
            ? ReportJson.ReadManifest(manifestPath).Files.ToDictionary(f => f.Path, f => f.Sha256, StringComparer.Ordinal)
            : null;
        var results = new List<RegeneratedOutput>();
        foreach (var output in PublicationWriter.Render(report))
        {
            var sha = RunFiles.Sha256(output.Bytes);
            var previous = recorded is not null
                ? recorded.GetValueOrDefault(output.FileName)
                : File.Exists(Path.Combine(runDir, output.FileName)) ? RunFiles.Sha256(Path.Combine(runDir, output.FileName)) : null;
            var state = previous is null ? RegeneratedState.NotRecorded
                : previous == sha ? RegeneratedState.Identical
                : upgraded ? RegeneratedState.Upgraded
                : RegeneratedState.Differs;
            results.Add(new RegeneratedOutput(output.FileName, state, sha));
            if (output.FileName != PublicationFiles.Report)
            {
                AtomicFile.WriteAllText(Path.Combine(outputDir ?? runDir, output.FileName), output.Content);
            }
        }

        return results;
    }
}
