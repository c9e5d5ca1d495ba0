using Faceoff.Campaign.Storage;
using Faceoff.Protocol.Model;

namespace Faceoff.Campaign.Execution;

/// <summary>What every step of a run shares: the protocol, the seams, the run directory and the clock.</summary>
internal sealed record RunContext(
    CampaignProtocol Protocol,
    ICampaignBackend Backend,
    ICampaignObserver Observer,
    RunStore Store,
    TimeProvider Clock)
{
    public DateTimeOffset Now => Clock.GetUtcNow();
}
