using System.Collections.Immutable;

namespace Faceoff.Protocol.Model;

/// <summary>One request shape and the contract its response must meet.</summary>
public sealed record ScenarioDefinition(
    string Id,
    string? Description,
    string Method,
    string Path,
    ImmutableDictionary<string, string> Headers,
    string? Body,
    ScenarioContract Contract);

/// <summary>What a conforming response looks like. Absent parts are not checked.</summary>
/// <param name="MediaType">Expected media type without parameters, e.g. <c>application/json</c>.</param>
/// <param name="ExactBody">The exact body text, when the response is deterministic.</param>
public sealed record ScenarioContract(
    int Status,
    string? MediaType,
    string? ExactBody,
    JsonContract? Json,
    ImmutableArray<HeaderRequirement> RequiredHeaders,
    ImmutableArray<string> BodySubstrings);

/// <summary>JSON value kinds a contract can require (JSON Schema's vocabulary).</summary>
public enum JsonType
{
    String,
    Number,
    Integer,
    Boolean,
    Object,
    Array,
    Null,
}

/// <summary>JSON body contract.</summary>
/// <param name="RequiredKeys">Top-level keys and the kind of value each must hold.</param>
/// <param name="ExactValues">Top-level keys whose value must equal this raw JSON text (compared structurally).</param>
/// <param name="VolatileFields">Keys whose values legitimately differ between responses (e.g. timestamp); ignored by exact and cross-framework value comparison.</param>
public sealed record JsonContract(
    ImmutableDictionary<string, JsonType> RequiredKeys,
    ImmutableDictionary<string, string> ExactValues,
    ImmutableArray<string> VolatileFields);

/// <summary>A header that must be present; when <paramref name="Pattern"/> is set its value must match it (regex).</summary>
public sealed record HeaderRequirement(string Name, string? Pattern);
