using System.Collections.Immutable;
using Faceoff.Protocol.Loading;
using Faceoff.Protocol.Model;

namespace Faceoff.Campaign;

/// <summary>The A/A protocol derived from a loaded one, or why it cannot be derived.</summary>
public sealed record AaDerivation(CampaignProtocol? Protocol, ProtocolError? Error);

/// <summary>
/// <c>--aa PROFILE</c>: the campaign of one profile against itself, which checks the method rather than the apps.
/// Two servers of the same profile on two ports run the same alternating repeats as a real pair, so any verdict
/// other than "no significant difference" or "inconclusive" is a false positive of the measurement or the statistics.
/// </summary>
/// <remarks>
/// The derived campaign holds one pair, <c>aa_PROFILE</c>, over every scenario the profile serves, with the ladder of
/// the first pair that uses the profile (the campaign's ladder when none does) and that pair's two ports; a profile
/// in no pair takes the first pair's ports, which are free because that pair no longer runs. Only the profile's
/// framework is kept, so prepare and the parity gate touch nothing else. Claim targets are dropped: a claim says the
/// candidate is faster, which an A/A run must not support; its result is the A/A share instead (<see cref="Reporting.Model.AaCheck"/>).
/// </remarks>
public static class AaProtocol
{
    public const string Origin = "--aa";

    /// <summary>The override that marks a protocol as an A/A one; its value is the profile.</summary>
    public const string Setting = "aa_check";

    public static string PairName(string profileId) => "aa_" + profileId;

    public static AaDerivation From(CampaignProtocol protocol, string profileId)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(profileId);
        if (!protocol.Profiles.TryGetValue(profileId, out var profile))
        {
            var known = string.Join(", ", protocol.Profiles.Keys.Order(StringComparer.Ordinal));
            return new AaDerivation(null, new ProtocolError(
                "command line", 0, 0, "$.profiles", $"{Origin} {profileId}: no such profile in {protocol.SourcePath}; known profiles: {known}"));
        }
        var source = protocol.Pairs.FirstOrDefault(p => p.CandidateProfile == profileId || p.ReferenceProfile == profileId);
        var ports = source ?? (protocol.Pairs.IsDefaultOrEmpty ? null : protocol.Pairs[0]);
        if (ports is null)
        {
            return new AaDerivation(null, new ProtocolError(
                "command line", 0, 0, "$.pairs", $"{Origin} {profileId}: the protocol has no pair whose ports the A/A servers could use"));
        }

        var pair = new PairDefinition(PairName(profileId), profileId, profileId, ports.CandidatePort, ports.ReferencePort,
            source?.ConcurrencyLadder ?? []);
        // The keep-alive check of the parity gate needs its scenario even when the profile does not list it.
        var scenarioIds = profile.Scenarios.Append(protocol.Parity.KeepAliveScenario).ToHashSet(StringComparer.Ordinal);
        var derived = protocol with
        {
            Description = $"A/A check: {profileId} against itself (derived from {protocol.Name})",
            Frameworks = protocol.Frameworks.Where(f => f.Key == profile.FrameworkId).ToImmutableDictionary(),
            Profiles = ImmutableDictionary<string, ProfileDefinition>.Empty.Add(profileId, profile),
            Scenarios = protocol.Scenarios.Where(s => scenarioIds.Contains(s.Key)).ToImmutableDictionary(),
            Pairs = [pair],
            ClaimTargets = [],
            Overrides =
            [
                .. protocol.Overrides,
                new SettingOrigin(Setting, profileId, SettingSource.CommandLine, Origin),
                new SettingOrigin("pairs", $"{pair.Name}: {profileId} on ports {pair.CandidatePort} and {pair.ReferencePort}", SettingSource.CommandLine, Origin),
                new SettingOrigin("claim_targets", "none", SettingSource.CommandLine, Origin),
            ],
        };
        return new AaDerivation(derived, null);
    }

    /// <summary>The profile an A/A protocol checks; null for an ordinary campaign.</summary>
    public static string? ProfileOf(CampaignProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        return protocol.Overrides.LastOrDefault(o => o.Setting == Setting && o.Origin == Origin)?.Value;
    }
}
