using System.Collections.Immutable;
using Faceoff.Protocol.Json;
using Faceoff.Protocol.Model;

namespace Faceoff.Protocol.Reading;

/// <summary>A value and where it was written, kept until cross-references have been checked.</summary>
internal sealed record Located<T>(T Value, SourceSpot At);

/// <summary>
/// A protocol as read, before cross-references are checked and overrides applied. Self-contained parts
/// (frameworks, scenarios, plans) are already records; parts that refer to others keep their locations.
/// Any part may be missing when it was wrong: its error is already reported.
/// </summary>
internal sealed class ProtocolDraft
{
    public required string File { get; init; }

    public required string SourcePath { get; init; }

    public required int SchemaVersion { get; init; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string Host { get; set; } = ProtocolDefaults.Host;

    /// <summary>Set when the file is the seed's schema v1 mapped onto a base protocol.</summary>
    public string? BaseProtocolPath { get; set; }

    /// <summary>For a mapped v1 file: which frameworks its profiles run (see <see cref="CampaignProtocol.V1Mapping"/>).</summary>
    public string? V1Mapping { get; set; }

    public Dictionary<string, FrameworkDefinition> Frameworks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Ids of frameworks that were declared but could not be read, so references to them are not reported again.</summary>
    public HashSet<string> FrameworkIds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>In declaration order: the first is the default keep-alive scenario.</summary>
    public Dictionary<string, ScenarioDefinition> Scenarios { get; set; } = new(StringComparer.Ordinal);

    public List<string> ScenarioIds { get; set; } = [];

    public List<ProfileDraft> Profiles { get; set; } = [];

    public Dictionary<string, ServiceDefinition> Services { get; set; } = new(StringComparer.Ordinal);

    public List<PairDraft> Pairs { get; } = [];

    public List<ClaimDraft> Claims { get; } = [];

    /// <summary>Declared in the file (schema v2) or taken from the base (v1); checked against the file's own pairs and scenarios.</summary>
    public List<KnownDifferenceDraft> KnownDifferences { get; set; } = [];

    /// <summary>Hosts read without error, by name (the implicit "local" is added when building).</summary>
    public Dictionary<string, HostDefinition> Hosts { get; } = new(StringComparer.Ordinal);

    /// <summary>Every declared host name, including those that could not be read, so references to them are not reported again.</summary>
    public HashSet<string> HostIds { get; } = new(StringComparer.Ordinal) { HostDefinition.LocalName };

    public List<Located<string>> LoadHosts { get; } = [];

    public ImmutableArray<int> Ladder { get; set; } = ProtocolDefaults.ConcurrencyLadder;

    public WarmupPlan Warmup { get; set; } = ProtocolDefaults.Warmup;

    public PassPlan Measured { get; set; } = ProtocolDefaults.Measured;

    public ReproducibilityBounds Reproducibility { get; set; } = ProtocolDefaults.Reproducibility;

    public ParitySettings Parity { get; set; } = ProtocolDefaults.Parity;

    /// <summary>The keep-alive scenario as written; null means the first scenario (the default).</summary>
    public Located<string>? KeepAliveScenario { get; set; }

    public ComparisonSettings Comparison { get; set; } = ProtocolDefaults.Comparison;

    /// <summary>Settings that did not come from the file, replaced as overrides are applied.</summary>
    public List<SettingOrigin> Origins { get; set; } = [];

    public void Defaulted(string setting, string value) =>
        Origins.Add(new SettingOrigin(setting, value, SettingSource.Default, null));
}

internal sealed class ProfileDraft
{
    public required string Id { get; init; }

    public required SourceSpot At { get; init; }

    public Located<string>? Framework { get; init; }

    public ImmutableDictionary<string, string> Env { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableArray<string> Args { get; init; } = [];

    public List<Located<string>> Scenarios { get; init; } = [];
}

internal sealed class PairDraft
{
    public required SourceSpot At { get; init; }

    public Located<string>? Name { get; init; }

    public Located<string>? Candidate { get; init; }

    public Located<string>? Reference { get; init; }

    public Located<int>? CandidatePort { get; init; }

    public Located<int>? ReferencePort { get; init; }

    public Located<string>? ServerHost { get; init; }

    public List<Located<string>> LoadHosts { get; init; } = [];

    /// <summary>The pair's own ladder; default (not empty) when it uses the campaign's.</summary>
    public ImmutableArray<int> Ladder { get; set; }
}

internal sealed class ClaimDraft
{
    public required SourceSpot At { get; init; }

    public Located<string>? Id { get; init; }

    public Located<string>? Pair { get; init; }

    public Located<string>? Scenario { get; init; }
}
