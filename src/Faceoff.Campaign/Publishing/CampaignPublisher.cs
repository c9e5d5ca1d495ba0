using System.Globalization;
using Faceoff.Campaign.Execution;
using Faceoff.Campaign.Model;
using Faceoff.Campaign.Storage;
using Faceoff.Reporting;
using Faceoff.Reporting.Artifacts;
using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Publishing;

/// <summary>
/// Writes the publication pack through the Reporting library: the report and its renderings, then the raw
/// bundle and the manifest, and the latest pointers only once the bundle verifies against the manifest.
/// </summary>
public sealed class CampaignPublisher : ICampaignPublisher
{
    /// <summary>What the raw bundle holds, when present: cells with their pass files, server and build logs, the parity report, the protocol as run, the journal.</summary>
    public static IReadOnlyList<string> RawInputs { get; } =
        ["cells", "servers", "parity", "prepare", CampaignRunner.ResolvedProtocolFile, RunStore.StateFileName];

    public Task<PublishOutcome> PublishAsync(PublishInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var runDirectory = input.Store.RunDirectory;
        try
        {
            var raw = RawInputs.Where(p => Path.Exists(Path.Combine(runDirectory, p))).ToList();
            var report = ReportBuilder.Build(input.Protocol, input.Store.State, input.Cells, RunFiles.Describe(runDirectory, raw));
            var seal = PublicationWriter.Publish(report, runDirectory, raw, input.UpdateLatest ? input.Store.OutputDirectory : null);
            var error = seal.Findings.Count == 0
                ? null
                : "the bundle does not match the manifest, so the latest pointers were left alone: " + string.Join("; ", seal.Findings.Take(5));
            IReadOnlyList<string> files = [.. PublicationFiles.Rendered, PublicationFiles.Bundle, PublicationFiles.Manifest];
            return Task.FromResult(new PublishOutcome(error is null, error, files, seal.LatestUpdated, Summarize(report, AaProtocol.ProfileOf(input.Protocol))));
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

    private static CampaignSummary Summarize(CampaignReport report, string? aaProfile) => new(
        [.. report.Comparisons.Select(c => new SummaryRow(
            c.Pair,
            c.Scenario,
            c.Concurrency,
            c.Candidate.MedianRps,
            c.Reference.MedianRps,
            Ratio(c.ThroughputRatio),
            Ratio(c.P99Ratio),
            EnumText.Words(c.Verdict),
            c.Verdict != Verdict.NotPublishable,
            c.Verdict == Verdict.NotPublishable ? string.Join("; ", c.Reasons.Where(r => !r.StartsWith(ComparisonMapping.NumbersAlone, StringComparison.Ordinal))) : null))],
        [.. report.Claims.Select(c => new SummaryClaim(c.ClaimId, c.Pair, c.Scenario, EnumText.Words(c.Status), c.Reason))],
        aaProfile is null ? null : AaCheck.Evaluate(aaProfile, report.Comparisons));

    private static string Ratio(RatioEstimate? ratio) => ratio is null
        ? "n/a"
        : string.Create(CultureInfo.InvariantCulture, $"{ratio.Ratio:0.00} [{ratio.CiLow:0.00}–{ratio.CiHigh:0.00}]");
}
