using System.Collections.Immutable;

namespace Faceoff.Protocol.Model;

/// <summary>
/// A validated, immutable campaign protocol: what to start, what to check, what to measure.
/// Produced once by the loader (from schema v2, or mapped from the seed's schema v1) and passed inward unchanged.
/// </summary>
public sealed record CampaignProtocol
{
    public const int CurrentSchemaVersion = 2;

    /// <summary>The schema version of the file it was loaded from (1 = the seed's format, mapped).</summary>
    public required int SourceSchemaVersion { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Absolute path of the file it was loaded from, for messages and the report.</summary>
    public required string SourcePath { get; init; }

    /// <summary>
    /// Set when the file was the seed's schema v1, mapped onto a schema-v2 base: the absolute path of that base,
    /// which supplied the frameworks, scenarios, profiles, reproducibility, parity and comparison settings.
    /// </summary>
    public string? BaseProtocolPath { get; init; }

    public bool IsMappedFromV1 => SourceSchemaVersion == 1;

    /// <summary>
    /// For a mapped v1 file: which frameworks its profiles run (Arlen itself, or the base's stand-ins), one sentence
    /// shown by validate, parity and run and in the summary, so a stand-in is never run silently.
    /// </summary>
    public string? V1Mapping { get; init; }

    /// <summary>Loopback address every server binds to and the load engine targets.</summary>
    public required string Host { get; init; }

    public required ImmutableDictionary<string, FrameworkDefinition> Frameworks { get; init; }

    public required ImmutableDictionary<string, ScenarioDefinition> Scenarios { get; init; }

    public required ImmutableDictionary<string, ProfileDefinition> Profiles { get; init; }

    /// <summary>Backing services (at most one PostgreSQL so far), started before any framework; empty for HTTP-only campaigns.</summary>
    public ImmutableDictionary<string, ServiceDefinition> Services { get; init; } = ImmutableDictionary<string, ServiceDefinition>.Empty;

    /// <summary>The PostgreSQL service <c>{database_url}</c> points at, if the protocol has one.</summary>
    public ServiceDefinition? Database => Services.Values.FirstOrDefault(service => service.Kind == ServiceKind.PostgreSql);

    public required ImmutableArray<PairDefinition> Pairs { get; init; }

    public required ImmutableArray<ClaimTarget> ClaimTargets { get; init; }

    /// <summary>Differences between the sides the protocol declares known, each with its reason (see <see cref="KnownDifference"/>).</summary>
    public ImmutableArray<KnownDifference> KnownDifferences { get; init; } = [];

    /// <summary>Default concurrency ladder; a pair may override it.</summary>
    public required ImmutableArray<int> ConcurrencyLadder { get; init; }

    public required WarmupPlan Warmup { get; init; }

    public required PassPlan Measured { get; init; }

    public required ReproducibilityBounds Reproducibility { get; init; }

    public required ParitySettings Parity { get; init; }

    public required ComparisonSettings Comparison { get; init; }

    /// <summary>Hosts by name, always including <see cref="HostDefinition.LocalName"/>.</summary>
    public ImmutableDictionary<string, HostDefinition> Hosts { get; init; } =
        ImmutableDictionary<string, HostDefinition>.Empty.Add(HostDefinition.LocalName, HostDefinition.Local);

    /// <summary>The campaign's load hosts; empty means load runs on this machine.</summary>
    public ImmutableArray<string> LoadHosts { get; init; } = [];

    /// <summary>Every value that did not come from the file, with where it came from.</summary>
    public ImmutableArray<SettingOrigin> Overrides { get; init; } = [];

    /// <summary>The ladder a pair runs: its own override, else the campaign's.</summary>
    public ImmutableArray<int> LadderFor(PairDefinition pair) =>
        pair.ConcurrencyLadder.IsDefaultOrEmpty ? ConcurrencyLadder : pair.ConcurrencyLadder;

    /// <summary>The host a pair's servers run on.</summary>
    public HostDefinition ServerHostFor(PairDefinition pair) => Hosts[pair.ServerHost];

    /// <summary>The hosts a pair's load runs from: its own list, else the campaign's, else this machine.</summary>
    public ImmutableArray<HostDefinition> LoadHostsFor(PairDefinition pair)
    {
        var names = !pair.LoadHosts.IsDefaultOrEmpty ? pair.LoadHosts : !LoadHosts.IsDefaultOrEmpty ? LoadHosts : [HostDefinition.LocalName];
        return [.. names.Select(name => Hosts[name])];
    }

    /// <summary>Scenarios both profiles of a pair serve, in the candidate's order: the unit of comparison.</summary>
    public ImmutableArray<ScenarioDefinition> ScenariosFor(PairDefinition pair)
    {
        var candidate = Profiles[pair.CandidateProfile];
        var reference = Profiles[pair.ReferenceProfile];
        return [.. candidate.Scenarios.Where(reference.Scenarios.Contains).Select(id => Scenarios[id])];
    }
}
