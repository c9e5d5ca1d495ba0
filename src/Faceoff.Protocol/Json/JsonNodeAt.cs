namespace Faceoff.Protocol.Json;

/// <summary>The kind of a parsed JSON value.</summary>
internal enum NodeKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A JSON value that remembers where it was written (file, line, column, JSON path), so every
/// problem found later — a wrong type, a dangling reference — can point at the exact spot.
/// </summary>
internal sealed class JsonNodeAt
{
    public required NodeKind Kind { get; init; }

    public required SourceSpot At { get; init; }

    /// <summary>The unescaped string, or the number as written; null for other kinds.</summary>
    public string? Text { get; init; }

    /// <summary>The value exactly as written in the file, for contracts that compare raw JSON.</summary>
    public required string Raw { get; init; }

    public IReadOnlyList<JsonMember> Members { get; init; } = [];

    public IReadOnlyList<JsonNodeAt> Items { get; init; } = [];

    /// <summary>How the value reads in an error message: strings quoted, containers named.</summary>
    public string Describe() => Kind switch
    {
        NodeKind.Object => Members.Count == 0 ? "an empty object" : "an object",
        NodeKind.Array => Items.Count == 0 ? "an empty array" : "an array",
        NodeKind.String => "\"" + Text + "\"",
        NodeKind.Number => Text!,
        NodeKind.True => "true",
        NodeKind.False => "false",
        _ => "null",
    };
}

/// <summary>One property of a JSON object; <paramref name="NameAt"/> points at the property name.</summary>
internal sealed record JsonMember(string Name, SourceSpot NameAt, JsonNodeAt Value);

/// <summary>Where something was written: file, 1-based line and column, and the JSON path of the value.</summary>
public sealed record SourceSpot(string File, int Line, int Column, string Path);

/// <summary>JSONPath spelling: <c>$.pairs[1].candidate</c>, bracket-quoted when a key is not an identifier.</summary>
public static class JsonPathText
{
    public const string Root = "$";

    public static string Property(string parent, string name) =>
        IsIdentifier(name) ? parent + "." + name : parent + "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";

    public static string Index(string parent, int index) => parent + "[" + index + "]";

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
