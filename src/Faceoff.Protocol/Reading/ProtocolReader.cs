using System.Net;
using Faceoff.Protocol.Json;

namespace Faceoff.Protocol.Reading;

/// <summary>Reads a whole document into a <see cref="ProtocolDraft"/>: schema v2 directly, the seed's v1 onto a base protocol.</summary>
internal static class ProtocolReader
{
    private const string HostExpectation = "an IP address or \"localhost\"";

    public static ProtocolDraft ReadV2(JsonNodeAt root, string file, string sourcePath, string? arlenHome, Diagnostics diagnostics)
    {
        var draft = new ProtocolDraft { File = file, SourcePath = sourcePath, SchemaVersion = 2 };
        var protocol = ObjectView.Open(root, ProtocolFields.Protocol, diagnostics)!;
        Values.String(protocol.Optional("$schema"), diagnostics);
        draft.Name = Values.NonEmpty(protocol.Required("name", "a non-empty string"), diagnostics);
        draft.Description = Values.String(protocol.Optional("description"), diagnostics);
        ReadHost(protocol, draft, diagnostics);

        var entities = new EntityReader(diagnostics);
        ReadServices(protocol, draft, entities, diagnostics);
        var commands = new FrameworkReader(Path.GetDirectoryName(sourcePath)!, arlenHome, diagnostics, hasDatabase: draft.Services.Count > 0 || protocol.Has("services"));
        foreach (var entry in entities.Map(protocol.Required("frameworks", "an object of frameworks by id"), "frameworks"))
        {
            draft.FrameworkIds.Add(entry.Name);
            if (commands.Read(entry.Name, entry.Value) is { } framework)
            {
                draft.Frameworks[entry.Name] = framework;
            }
        }

        var scenarios = new ScenarioReader(diagnostics);
        foreach (var entry in entities.Map(protocol.Required("scenarios", "an object of scenarios by id"), "scenarios"))
        {
            draft.ScenarioIds.Add(entry.Name);
            if (scenarios.Read(entry.Name, entry.Value) is { } scenario)
            {
                draft.Scenarios[entry.Name] = scenario;
            }
        }

        foreach (var entry in entities.Map(protocol.Required("profiles", "an object of profiles by id"), "profiles"))
        {
            draft.Profiles.Add(entities.Profile(entry, commands));
        }

        new HostReader(diagnostics).Read(protocol, draft);
        ReadPairsAndClaims(protocol, draft, entities, PairSpelling.V2);
        draft.KnownDifferences = KnownDifferenceReader.Read(protocol.Optional("known_differences"), diagnostics);
        new SettingsReader(draft, diagnostics).Read(protocol);
        return draft;
    }

    /// <summary>
    /// The seed's format: pairs, ports, ladders, pass sizes and claims from the v1 file; frameworks, scenarios,
    /// profiles, reproducibility, parity and comparison from <paramref name="basis"/> (null when the base could not
    /// be loaded: the v1 file is still read so its own problems are reported).
    /// </summary>
    public static ProtocolDraft ReadV1(JsonNodeAt root, string file, string sourcePath, ProtocolDraft? basis, Diagnostics diagnostics)
    {
        var draft = new ProtocolDraft { File = file, SourcePath = sourcePath, SchemaVersion = 1 };
        if (basis is not null)
        {
            draft.BaseProtocolPath = basis.SourcePath;
            draft.Host = basis.Host;
            draft.Frameworks = basis.Frameworks;
            draft.FrameworkIds = basis.FrameworkIds;
            draft.Scenarios = basis.Scenarios;
            draft.ScenarioIds = basis.ScenarioIds;
            draft.Profiles = basis.Profiles;
            draft.Services = basis.Services;
            draft.Reproducibility = basis.Reproducibility;
            draft.Parity = basis.Parity;
            draft.KeepAliveScenario = basis.KeepAliveScenario;
            draft.Comparison = basis.Comparison;
            draft.KnownDifferences = basis.KnownDifferences;
            string[] fromBase = ["reproducibility.", "parity.", "comparison."];
            draft.Origins = [.. basis.Origins.Where(origin => fromBase.Any(origin.Setting.StartsWith))];
        }

        var protocol = ObjectView.Open(root, ProtocolFields.V1Protocol, diagnostics)!;
        draft.Name = Values.NonEmpty(protocol.Required("name", "a non-empty string"), diagnostics);
        draft.Description = Values.String(protocol.Optional("description"), diagnostics);
        if (protocol.Has("host"))
        {
            ReadHost(protocol, draft, diagnostics);
        }

        var settings = new SettingsReader(draft, diagnostics);
        draft.Ladder = Values.Ladder(protocol.Required("concurrency_ladder", ProtocolDefaults.LadderExpectation), diagnostics) ?? draft.Ladder;
        var warmup = settings.Pass(protocol.Required("warmup", "an object with \"requests\""), "warmup", ProtocolFields.V1Pass, ProtocolDefaults.Warmup.Fixed);
        draft.Warmup = warmup is null ? draft.Warmup : new Model.WarmupPlan(warmup, null);
        draft.Measured = settings.Pass(protocol.Required("measured", "an object with \"requests\""), "measured", ProtocolFields.V1Pass, ProtocolDefaults.Measured)
            ?? draft.Measured;
        ReadPairsAndClaims(protocol, draft, new EntityReader(diagnostics), PairSpelling.V1);
        return draft;
    }

    private static void ReadServices(ObjectView protocol, ProtocolDraft draft, EntityReader entities, Diagnostics diagnostics)
    {
        var services = new ServiceReader(draft, diagnostics);
        JsonMember? first = null;
        foreach (var entry in entities.Map(protocol.Optional("services"), "services"))
        {
            // One database per campaign: {database_url} must name exactly one server.
            if (first is not null)
            {
                diagnostics.Report(entry.NameAt, $"only one PostgreSQL service is supported (\"{first.Name}\" is already declared at line {first.NameAt.Line}:{first.NameAt.Column})");
                continue;
            }

            first = entry;
            if (services.Read(entry.Name, entry.Value) is { } service)
            {
                draft.Services[entry.Name] = service;
            }
        }
    }

    private static void ReadPairsAndClaims(ObjectView protocol, ProtocolDraft draft, EntityReader entities, PairSpelling spelling)
    {
        foreach (var item in entities.List(protocol.Required("pairs", "a non-empty array of pairs"), "pairs", allowEmpty: false))
        {
            draft.Pairs.Add(entities.Pair(item, spelling));
        }

        foreach (var item in entities.List(protocol.Optional("claim_targets"), "claim targets", allowEmpty: true))
        {
            draft.Claims.Add(entities.Claim(item));
        }
    }

    private static void ReadHost(ObjectView protocol, ProtocolDraft draft, Diagnostics diagnostics)
    {
        var node = protocol.Optional("host");
        if (node is null)
        {
            draft.Defaulted("host", draft.Host);
            return;
        }

        var host = Values.String(node, diagnostics, HostExpectation);
        if (host is not null && host != "localhost" && !IPAddress.TryParse(host, out _))
        {
            diagnostics.Expected(node, HostExpectation);
            return;
        }

        draft.Host = host ?? draft.Host;
    }
}
