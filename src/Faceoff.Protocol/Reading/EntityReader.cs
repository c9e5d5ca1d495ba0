using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Faceoff.Protocol.Json;

namespace Faceoff.Protocol.Reading;

/// <summary>How a pair's fields are spelt: schema v2 says candidate/reference, the seed's v1 said arlen/fastapi.</summary>
internal sealed record PairSpelling(IReadOnlyList<string> Fields, string Candidate, string Reference, string CandidatePort, string ReferencePort)
{
    public static readonly PairSpelling V2 = new(ProtocolFields.Pair, "candidate", "reference", "candidate_port", "reference_port");

    public static readonly PairSpelling V1 = new(ProtocolFields.V1Pair, "arlen_profile", "fastapi_profile", "arlen_port", "fastapi_port");
}

/// <summary>
/// Reads the parts of a protocol that refer to other parts by id (profiles, pairs, claim targets) and the
/// id-keyed maps themselves. References are kept with their locations; <see cref="ReferenceChecker"/> resolves them.
/// </summary>
internal sealed partial class EntityReader(Diagnostics diagnostics)
{
    public const string IdExpectation = "an id of letters, digits, '_', '-' or '.'";

    /// <summary>The entries of an id-keyed map such as <c>frameworks</c>; empty after reporting when it is not a non-empty object.</summary>
    public IReadOnlyList<JsonMember> Map(JsonNodeAt? node, string what)
    {
        if (node is null)
        {
            return [];
        }

        if (node.Kind != NodeKind.Object || node.Members.Count == 0)
        {
            diagnostics.Expected(node, $"a non-empty object of {what} by id");
            return [];
        }

        var entries = Values.UniqueMembers(node, diagnostics).ToList();
        foreach (var entry in entries.Where(entry => !Id().IsMatch(entry.Name)))
        {
            diagnostics.Report(entry.NameAt, $"expected {IdExpectation}, got \"{entry.Name}\"");
        }

        return entries;
    }

    /// <summary>The items of an array section; empty after reporting when it is not an array (or is empty and must not be).</summary>
    public IReadOnlyList<JsonNodeAt> List(JsonNodeAt? node, string what, bool allowEmpty)
    {
        if (node is null)
        {
            return [];
        }

        if (node.Kind != NodeKind.Array || (!allowEmpty && node.Items.Count == 0))
        {
            diagnostics.Expected(node, allowEmpty ? $"an array of {what}" : $"a non-empty array of {what}");
            return [];
        }

        return node.Items;
    }

    public ProfileDraft Profile(JsonMember entry, FrameworkReader commands)
    {
        var profile = ObjectView.Open(entry.Value, ProtocolFields.Profile, diagnostics);
        var scenariosNode = profile?.Required("scenarios", "a non-empty array of scenario ids");
        var scenarios = new List<Located<string>>();
        foreach (var item in List(scenariosNode, "scenario ids", allowEmpty: false))
        {
            if (Values.NonEmpty(item, diagnostics, "a scenario id") is { } id)
            {
                if (scenarios.Find(seen => seen.Value == id) is { } first)
                {
                    diagnostics.Report(item.At, $"scenario \"{id}\" is listed twice (first at line {first.At.Line}:{first.At.Column})");
                }

                scenarios.Add(new Located<string>(id, item.At));
            }
        }

        return new ProfileDraft
        {
            Id = entry.Name,
            At = entry.Value.At,
            Framework = Reference(profile?.Required("framework", "a framework id")),
            Env = commands.Env(profile?.Optional("env"), runtime: null) ?? ImmutableDictionary<string, string>.Empty,
            Args = commands.Args(profile?.Optional("args"), runtime: null) ?? [],
            Scenarios = scenarios,
        };
    }

    public PairDraft Pair(JsonNodeAt node, PairSpelling spelling)
    {
        var pair = ObjectView.Open(node, spelling.Fields, diagnostics);
        return new PairDraft
        {
            At = node.At,
            Name = IdValue(pair?.Required("name", IdExpectation)),
            Candidate = Reference(pair?.Required(spelling.Candidate, "a profile id")),
            Reference = Reference(pair?.Required(spelling.Reference, "a profile id")),
            CandidatePort = Port(pair?.Required(spelling.CandidatePort, Values.PortExpectation)),
            ReferencePort = Port(pair?.Required(spelling.ReferencePort, Values.PortExpectation)),
            Ladder = Values.Ladder(pair?.Optional("concurrency_ladder"), diagnostics) ?? default,
            ServerHost = Reference(pair?.Optional("server_host")),
            LoadHosts = HostReader.Names(pair?.Optional("load_hosts"), diagnostics),
        };
    }

    public ClaimDraft Claim(JsonNodeAt node)
    {
        var claim = ObjectView.Open(node, ProtocolFields.ClaimTarget, diagnostics);
        return new ClaimDraft
        {
            At = node.At,
            Id = IdValue(claim?.Required("claim_id", IdExpectation)),
            Pair = Reference(claim?.Required("pair", "a pair name")),
            Scenario = Reference(claim?.Required("scenario", "a scenario id")),
        };
    }

    private Located<string>? Reference(JsonNodeAt? node) =>
        Values.NonEmpty(node, diagnostics) is { } id ? new Located<string>(id, node!.At) : null;

    private Located<string>? IdValue(JsonNodeAt? node)
    {
        var id = Values.String(node, diagnostics, IdExpectation);
        if (id is not null && !Id().IsMatch(id))
        {
            diagnostics.Expected(node!, IdExpectation);
            return null;
        }

        return id is null ? null : new Located<string>(id, node!.At);
    }

    private Located<int>? Port(JsonNodeAt? node) =>
        Values.Int(node, diagnostics, 1, 65535, Values.PortExpectation) is { } port ? new Located<int>(port, node!.At) : null;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex Id();
}
