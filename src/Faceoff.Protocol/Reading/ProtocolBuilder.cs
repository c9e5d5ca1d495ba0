using System.Collections.Immutable;
using Faceoff.Protocol.Model;

namespace Faceoff.Protocol.Reading;

/// <summary>Turns a draft that passed every check into the immutable <see cref="CampaignProtocol"/>.</summary>
internal static class ProtocolBuilder
{
    public static CampaignProtocol Build(ProtocolDraft draft)
    {
        var keepAlive = draft.KeepAliveScenario?.Value;
        if (keepAlive is null)
        {
            keepAlive = draft.ScenarioIds[0];
            draft.Defaulted("parity.keepalive_scenario", keepAlive);
        }

        return new CampaignProtocol
        {
            SourceSchemaVersion = draft.SchemaVersion,
            Name = draft.Name!,
            Description = draft.Description,
            SourcePath = draft.SourcePath,
            BaseProtocolPath = draft.BaseProtocolPath,
            V1Mapping = draft.V1Mapping,
            Host = draft.Host,
            Frameworks = draft.Frameworks.ToImmutableDictionary(StringComparer.Ordinal),
            Scenarios = draft.Scenarios.ToImmutableDictionary(StringComparer.Ordinal),
            Services = draft.Services.ToImmutableDictionary(StringComparer.Ordinal),
            Profiles = draft.Profiles.ToImmutableDictionary(
                profile => profile.Id,
                profile => new ProfileDefinition(
                    profile.Id,
                    profile.Framework!.Value,
                    profile.Env,
                    profile.Args,
                    [.. profile.Scenarios.Select(scenario => scenario.Value)]),
                StringComparer.Ordinal),
            Pairs = [.. draft.Pairs.Select(pair => new PairDefinition(
                pair.Name!.Value,
                pair.Candidate!.Value,
                pair.Reference!.Value,
                pair.CandidatePort!.Value,
                pair.ReferencePort!.Value,
                pair.Ladder.IsDefault ? [] : pair.Ladder)
            {
                ServerHost = pair.ServerHost?.Value ?? HostDefinition.LocalName,
                LoadHosts = [.. pair.LoadHosts.Select(name => name.Value)],
            })],
            Hosts = draft.Hosts.Values.Append(HostDefinition.Local)
                .DistinctBy(host => host.Name, StringComparer.Ordinal)
                .ToImmutableDictionary(host => host.Name, StringComparer.Ordinal),
            LoadHosts = [.. draft.LoadHosts.Select(name => name.Value)],
            ClaimTargets = [.. draft.Claims.Select(claim => new ClaimTarget(claim.Id!.Value, claim.Pair!.Value, claim.Scenario!.Value))],
            KnownDifferences = [.. draft.KnownDifferences.Select(known => known.Build())],
            ConcurrencyLadder = draft.Ladder,
            Warmup = draft.Warmup,
            Measured = draft.Measured,
            Reproducibility = draft.Reproducibility,
            Parity = draft.Parity with { KeepAliveScenario = keepAlive },
            Comparison = draft.Comparison,
            Overrides = [.. draft.Origins],
        };
    }
}
