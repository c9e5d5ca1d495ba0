using Faceoff.Campaign.Model;
using Faceoff.Campaign.Storage;
using Faceoff.Protocol.Model;
using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Execution;

/// <summary>Turns a run directory's cells into the publication pack; a seam so control-flow tests need no reporting.</summary>
public interface ICampaignPublisher
{
    Task<PublishOutcome> PublishAsync(PublishInput input, CancellationToken cancellationToken);
}

/// <param name="Cells">Every finished cell of the run, from every session.</param>
/// <param name="UpdateLatest">Whether this run may become the output directory's latest (not for an interrupted run).</param>
public sealed record PublishInput(CampaignProtocol Protocol, RunStore Store, IReadOnlyList<CellRecord> Cells, bool UpdateLatest);

/// <param name="Files">What was written, relative to the run directory.</param>
/// <param name="Report">The report the pack was written from; the console summary is printed from it.</param>
public sealed record PublishOutcome(bool Succeeded, string? Error, IReadOnlyList<string> Files, bool LatestUpdated, CampaignReport? Report);
