using Faceoff.Campaign.Execution;
using Faceoff.Campaign.Model;

using Faceoff.Statistics;

namespace Faceoff.Campaign.Tests.Fakes;

/// <summary>Keeps every event; can cancel the run after a given number of finished cells.</summary>
internal sealed class RecordingObserver : ICampaignObserver
{
    public List<PassContext> Passes { get; } = [];

    public List<(NoticeLevel Level, string Message)> Notices { get; } = [];

    public List<CellRecord> Cells { get; } = [];

    public CancellationTokenSource? CancelAfterCells { get; set; }

    public int CancelAfter { get; set; } = int.MaxValue;

    public void PhaseStarted(CampaignPhase phase, string description)
    {
    }

    public void Notice(NoticeLevel level, string message) => Notices.Add((level, message));

    public void PassStarted(PassContext pass) => Passes.Add(pass);

    public void PassLive(PassContext pass, double requestsPerSecond)
    {
    }

    public void PassFinished(PassContext pass, PassMeasurement summary)
    {
    }

    public void CellFinished(CellRecord cell, int done, int total)
    {
        Cells.Add(cell);
        if (Cells.Count >= CancelAfter)
        {
            CancelAfterCells?.Cancel();
        }
    }
}

internal sealed class RecordingPublisher : ICampaignPublisher
{
    public List<PublishInput> Inputs { get; } = [];

    public Task<PublishOutcome> PublishAsync(PublishInput input, CancellationToken cancellationToken)
    {
        Inputs.Add(input);
        return Task.FromResult(new PublishOutcome(true, null, [], input.UpdateLatest, null));
    }
}
