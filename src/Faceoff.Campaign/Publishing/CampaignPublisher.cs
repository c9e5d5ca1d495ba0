using Faceoff.Campaign.Execution;
using Faceoff.Campaign.Storage;
using Faceoff.Reporting;
using Faceoff.Reporting.Artifacts;

namespace Faceoff.Campaign.Publishing;

/// <summary>
/// Writes the publication pack through the Reporting library: the report and its renderings, then the raw
/// bundle and the manifest, and the latest pointers only once the bundle verifies against the manifest.
/// </summary>
public sealed class CampaignPublisher : ICampaignPublisher
{
    /// <summary>What the raw bundle holds, when present: cells with their pass files, server and build logs, the parity report, the protocol as run, the journal.</summary>
    public static IReadOnlyList<string> RawInputs { get; } =
        ["cells", "servers", "parity", "prepare", "hosts", CampaignRunner.ResolvedProtocolFile, RunStore.StateFileName];

    public Task<PublishOutcome> PublishAsync(PublishInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var runDirectory = input.Store.RunDirectory;
        try
        {
            var raw = RawInputs.Where(p => Path.Exists(Path.Combine(runDirectory, p))).ToList();
            var report = ReportBuilder.Build(
                input.Protocol, input.Store.State, input.Cells, RunFiles.Describe(runDirectory, raw), HostsReportReader.Read(input.Protocol, runDirectory));
            var seal = PublicationWriter.Publish(report, runDirectory, raw, input.UpdateLatest ? input.Store.OutputDirectory : null);
            var error = seal.Findings.Count == 0
                ? null
                : "the bundle does not match the manifest, so the latest pointers were left alone: " + string.Join("; ", seal.Findings.Take(5));
            IReadOnlyList<string> files = [.. PublicationFiles.Rendered, PublicationFiles.Bundle, PublicationFiles.Manifest];
            return Task.FromResult(new PublishOutcome(error is null, error, files, seal.LatestUpdated, report));
        }
        catch (IOException ex)
        {
            return Task.FromResult(new PublishOutcome(false, ex.Message, [], false, null));
        }
        catch (UnauthorizedAccessException ex)
        {
            return Task.FromResult(new PublishOutcome(false, ex.Message, [], false, null));
        }
    }
}
