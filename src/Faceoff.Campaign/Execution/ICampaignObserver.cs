using Faceoff.Campaign.Model;
using Faceoff.Reporting.Model;
using Faceoff.Statistics;

namespace Faceoff.Campaign.Execution;

public enum CampaignPhase
{
    Prepare,
    Parity,
    ServerStart,
    ServerWarmup,
    Publish,
}

public enum NoticeLevel
{
    Info,
    Warning,
    Error,
}

/// <summary>Where a pass sits in the campaign, for progress displays.</summary>
/// <param name="Repeat">The pass's number within its kind and side; measured repeats count on across launches (1…L×R).</param>
/// <param name="Repeats">How many passes of this kind the side runs at this step, over all launches.</param>
/// <param name="Launch">The launch (1-based) the pass runs on.</param>
/// <param name="Launches">The protocol's launches per cell.</param>
public sealed record PassContext(
    string Pair,
    string Scenario,
    int Concurrency,
    Side Side,
    string Profile,
    PassKind Kind,
    int Repeat,
    int Repeats,
    int Launch = 1,
    int Launches = 1);

/// <summary>
/// What the runner reports as it goes. Calls come from the runner's own flow (never concurrently
/// with each other) except <see cref="PassLive"/>, which the load engine raises from its thread.
/// </summary>
public interface ICampaignObserver
{
    void PhaseStarted(CampaignPhase phase, string description);

    void Notice(NoticeLevel level, string message);

    void PassStarted(PassContext pass);

    void PassLive(PassContext pass, double requestsPerSecond);

    void PassFinished(PassContext pass, PassMeasurement measurement);

    /// <param name="done">Cells finished, resumed ones included.</param>
    void CellFinished(CellRecord cell, int done, int total);
}
