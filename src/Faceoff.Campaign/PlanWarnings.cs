using Faceoff.Protocol.Model;
using Faceoff.Statistics;

namespace Faceoff.Campaign;

/// <summary>
/// What a valid protocol will still waste time on, said before the run (by <c>validate</c> and at the start of
/// <c>run</c>) rather than discovered in the report.
/// </summary>
public static class PlanWarnings
{
    public static IReadOnlyList<string> For(CampaignProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var minimum = StatisticsSettings.Default.MinRepeats;
        // A side's values are all its measured passes, over every launch.
        var measured = protocol.Measured;
        return measured.TotalRepeats < minimum
            ? [$"measured repeats {measured.Repeats} × launches {measured.Launches}: a comparison needs at least {minimum} passes per side, "
               + "so every row will be inconclusive and no claim can be supported or refuted"]
            : [];
    }
}
