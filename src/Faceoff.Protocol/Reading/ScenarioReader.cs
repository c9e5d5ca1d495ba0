using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Faceoff.Protocol.Json;
using Faceoff.Protocol.Model;

namespace Faceoff.Protocol.Reading;

/// <summary>Reads <c>scenarios.&lt;id&gt;</c>: the request and the contract its response must meet.</summary>
internal sealed partial class ScenarioReader(Diagnostics diagnostics)
{
    private const string MethodExpectation = "one of \"GET\", \"HEAD\", \"POST\", \"PUT\", \"PATCH\", \"DELETE\", \"OPTIONS\"";
    private const string PathExpectation = "a path starting with /";
    private const string MediaTypeExpectation = "a media type without parameters, e.g. \"application/json\"";
    private const string HeaderNameExpectation = "an HTTP header name";
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    private static readonly ImmutableDictionary<string, JsonType> TypeNames = Enum.GetValues<JsonType>()
        .ToImmutableDictionary(type => type.ToString().ToLowerInvariant());

    private static readonly string TypeExpectation = "one of " + string.Join(", ", TypeNames.Keys.Order().Select(name => "\"" + name + "\""));

    public ScenarioDefinition? Read(string id, JsonNodeAt node)
    {
        if (ObjectView.Open(node, ProtocolFields.Scenario, diagnostics) is not { } scenario)
        {
            return null;
        }

        var before = diagnostics.Count;
        var description = Values.String(scenario.Optional("description"), diagnostics);
        var methodNode = scenario.Optional("method");
        var method = Values.String(methodNode, diagnostics, MethodExpectation) ?? ProtocolDefaults.Method;
        if (!Methods.Contains(method))
        {
            diagnostics.Expected(methodNode!, MethodExpectation);
        }

        var path = RequestPath(scenario.Required("path", PathExpectation));
        var headers = Headers(scenario.Optional("headers")) ?? ImmutableDictionary<string, string>.Empty;
        var body = Values.String(scenario.Optional("body"), diagnostics);
        var contract = Contract(scenario.Required("contract", "an object with a \"status\""));
        return diagnostics.Count == before && path is not null && contract is not null
            ? new ScenarioDefinition(id, description, method, path, headers, body, contract)
            : null;
    }

    private string? RequestPath(JsonNodeAt? node)
    {
        var path = Values.String(node, diagnostics, PathExpectation);
        if (path is not null && !path.StartsWith('/'))
        {
            diagnostics.Expected(node!, PathExpectation);
            return null;
        }

        return path;
    }

    private ImmutableDictionary<string, string>? Headers(JsonNodeAt? node)
    {
        if (node?.Kind == NodeKind.Object)
        {
            foreach (var member in node.Members.Where(member => !HeaderName().IsMatch(member.Name)))
            {
                diagnostics.Report(member.NameAt, $"expected {HeaderNameExpectation}, got \"{member.Name}\"");
            }
        }

        return Values.StringMap(node, diagnostics);
    }

    private ScenarioContract? Contract(JsonNodeAt? node)
    {
        if (ObjectView.Open(node, ProtocolFields.Contract, diagnostics) is not { } contract)
        {
            return null;
        }

        var status = Values.Int(contract.Required("status", "an HTTP status 100-599"), diagnostics, 100, 599, "an HTTP status 100-599");
        var mediaTypeNode = contract.Optional("media_type");
        var mediaType = Values.String(mediaTypeNode, diagnostics, MediaTypeExpectation);
        if (mediaType is not null && !MediaType().IsMatch(mediaType))
        {
            diagnostics.Expected(mediaTypeNode!, MediaTypeExpectation);
        }

        var exactBody = Values.String(contract.Optional("exact_body"), diagnostics);
        var json = JsonContract(contract.Optional("json"));
        var headers = RequiredHeaders(contract.Optional("required_headers"));
        var substrings = Values.StringList(contract.Optional("body_substrings"), diagnostics, nonEmptyItems: true) ?? [];
        return status is { } code ? new ScenarioContract(code, mediaType, exactBody, json, headers, substrings) : null;
    }

    private JsonContract? JsonContract(JsonNodeAt? node)
    {
        if (ObjectView.Open(node, ProtocolFields.JsonContract, diagnostics) is not { } json)
        {
            return null;
        }

        var requiredKeys = ImmutableDictionary.CreateBuilder<string, JsonType>(StringComparer.Ordinal);
        if (json.Optional("required_keys") is { } keysNode)
        {
            if (keysNode.Kind != NodeKind.Object)
            {
                diagnostics.Expected(keysNode, "an object mapping each key to a JSON type name");
            }

            foreach (var member in keysNode.Kind == NodeKind.Object ? Values.UniqueMembers(keysNode, diagnostics) : [])
            {
                if (Values.String(member.Value, diagnostics, TypeExpectation) is { } name)
                {
                    if (TypeNames.TryGetValue(name, out var type))
                    {
                        requiredKeys[member.Name] = type;
                    }
                    else
                    {
                        diagnostics.Report(member.Value.At, $"unknown JSON type \"{name}\" (expected {TypeExpectation})");
                    }
                }
            }
        }

        var exactValues = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var exactNode = json.Optional("exact_values");
        if (exactNode is not null && exactNode.Kind != NodeKind.Object)
        {
            diagnostics.Expected(exactNode, "an object mapping each key to its expected JSON value");
        }

        foreach (var member in exactNode?.Kind == NodeKind.Object ? Values.UniqueMembers(exactNode, diagnostics) : [])
        {
            exactValues[member.Name] = member.Value.Raw;
        }

        var volatileNode = json.Optional("volatile_fields");
        var volatileFields = Values.StringList(volatileNode, diagnostics, nonEmptyItems: true) ?? [];
        for (var i = 0; i < volatileFields.Length; i++)
        {
            if (exactValues.ContainsKey(volatileFields[i]))
            {
                diagnostics.Report(volatileNode!.Items[i].At, $"\"{volatileFields[i]}\" is volatile and also has an exact value; it can be only one");
            }
        }

        return new JsonContract(requiredKeys.ToImmutable(), exactValues.ToImmutable(), volatileFields);
    }

    private ImmutableArray<HeaderRequirement> RequiredHeaders(JsonNodeAt? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node.Kind != NodeKind.Array)
        {
            diagnostics.Expected(node, "an array of {\"name\", \"pattern\"} objects");
            return [];
        }

        var headers = ImmutableArray.CreateBuilder<HeaderRequirement>();
        foreach (var item in node.Items)
        {
            if (ObjectView.Open(item, ProtocolFields.RequiredHeader, diagnostics) is not { } header)
            {
                continue;
            }

            var nameNode = header.Required("name", HeaderNameExpectation);
            var name = Values.String(nameNode, diagnostics, HeaderNameExpectation);
            if (name is not null && !HeaderName().IsMatch(name))
            {
                diagnostics.Expected(nameNode!, HeaderNameExpectation);
            }

            var patternNode = header.Optional("pattern");
            var pattern = Values.String(patternNode, diagnostics, "a regular expression");
            if (pattern is not null && InvalidRegex(pattern) is { } problem)
            {
                diagnostics.Report(patternNode!.At, $"invalid regular expression: {problem}");
            }

            if (name is not null)
            {
                headers.Add(new HeaderRequirement(name, pattern));
            }
        }

        return headers.ToImmutable();
    }

    private static string? InvalidRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>RFC 9110 token characters.</summary>
    [GeneratedRegex(@"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")]
    private static partial Regex HeaderName();

    [GeneratedRegex(@"^[!#$&^_.+0-9A-Za-z-]+/[!#$&^_.+0-9A-Za-z-]+$")]
    private static partial Regex MediaType();
}
