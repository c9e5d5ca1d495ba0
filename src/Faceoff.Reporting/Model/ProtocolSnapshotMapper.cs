using Faceoff.Protocol.Model;

namespace Faceoff.Reporting.Model;

/// <summary>Maps the validated protocol onto the report's snapshot, so every runner records it the same way.</summary>
public static class ProtocolSnapshotMapper
{
    public static ProtocolSnapshot From(CampaignProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        return new ProtocolSnapshot(
            protocol.Name,
            protocol.Description,
            protocol.SourcePath,
            protocol.SourceSchemaVersion,
            protocol.Host,
            [.. protocol.ConcurrencyLadder],
            [.. protocol.Pairs.Select(pair => MapPair(protocol, pair))],
            [.. protocol.Scenarios.Values
                .OrderBy(s => s.Id, StringComparer.Ordinal)
                .Select(s => new ScenarioSnapshot(s.Id, s.Description, s.Method, s.Path))],
            [.. protocol.ClaimTargets.Select(c => new ClaimTargetSnapshot(c.ClaimId, c.Pair, c.Scenario))],
            new WarmupSnapshot(
                MapPass(protocol.Warmup.Fixed),
                protocol.Warmup.UntilStable is { } rule
                    ? new StabilitySnapshot(rule.WindowSeconds, rule.MaxCv, rule.MaxSeconds, rule.PassSeconds)
                    : null),
            MapPass(protocol.Measured),
            protocol.Reproducibility.MaxCvRatio,
            protocol.Comparison.ConfidenceLevel,
            protocol.Comparison.EquivalenceBand,
            [.. protocol.Overrides.Select(o => new OverrideEntry(o.Setting, o.Value, EnumText.Of(o.Source), o.Origin))]);
    }

    private static PairSnapshot MapPair(CampaignProtocol protocol, PairDefinition pair) => new(
        pair.Name,
        pair.CandidateProfile,
        FrameworkName(protocol, pair.CandidateProfile),
        pair.ReferenceProfile,
        FrameworkName(protocol, pair.ReferenceProfile),
        [.. protocol.LadderFor(pair)],
        [.. protocol.ScenariosFor(pair).Select(s => s.Id)]);

    private static string FrameworkName(CampaignProtocol protocol, string profileId) =>
        protocol.Frameworks[protocol.Profiles[profileId].FrameworkId].DisplayName;

    private static PassSnapshot MapPass(PassPlan plan) => new(plan.Requests, plan.DurationSeconds, plan.Repeats, plan.Launches);
}
