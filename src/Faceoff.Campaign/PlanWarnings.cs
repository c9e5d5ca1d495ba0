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
        return protocol.Measured.Repeats < minimum
            ? [$"measured repeats {protocol.Measured.Repeats}: a comparison needs at least {minimum} per side, "
               + "so every row will be inconclusive and no claim can be supported or refuted"]
            : [];
    }
}
