using Faceoff.Protocol.Json;
using Faceoff.Protocol.Loading;

namespace Faceoff.Protocol.Reading;

/// <summary>Collects every problem found while reading; readers keep going after one so the user sees all of them.</summary>
internal sealed class Diagnostics
{
    private readonly List<ProtocolError> _errors = [];

    public IReadOnlyList<ProtocolError> Errors => _errors;

    public int Count => _errors.Count;

    public void Report(SourceSpot at, string message) => _errors.Add(ProtocolError.At(at, message));

    public void Report(ProtocolError error) => _errors.Add(error);

    /// <summary>The standard wrong-value message: what was expected, and what the file says.</summary>
    public void Expected(JsonNodeAt node, string expectation) =>
        Report(node.At, $"expected {expectation}, got {node.Describe()}");
}

/// <summary>
/// A JSON object read against its list of known fields: unknown and duplicate fields are reported
/// when it is opened, missing required fields when they are asked for.
/// </summary>
internal sealed class ObjectView
{
    private readonly Dictionary<string, JsonMember> _members = new(StringComparer.Ordinal);
    private readonly Diagnostics _diagnostics;

    private ObjectView(JsonNodeAt node, Diagnostics diagnostics)
    {
        At = node.At;
        _diagnostics = diagnostics;
    }

    public SourceSpot At { get; }

    /// <summary>Opens <paramref name="node"/> as an object with exactly these fields; null (after reporting) if it is not an object.</summary>
    public static ObjectView? Open(JsonNodeAt? node, IReadOnlyList<string> fields, Diagnostics diagnostics)
    {
        if (node is null)
        {
            return null;
        }

        if (node.Kind != NodeKind.Object)
        {
            diagnostics.Expected(node, "an object");
            return null;
        }

        var view = new ObjectView(node, diagnostics);
        foreach (var member in node.Members)
        {
            if (!fields.Contains(member.Name))
            {
                diagnostics.Report(member.NameAt, UnknownField(member.Name, fields));
            }
            else if (!view._members.TryAdd(member.Name, member))
            {
                var first = view._members[member.Name].NameAt;
                diagnostics.Report(member.NameAt, $"duplicate field \"{member.Name}\" (first at line {first.Line}:{first.Column})");
            }
        }

        return view;
    }

    public JsonNodeAt? Optional(string name) => _members.TryGetValue(name, out var member) ? member.Value : null;

    public bool Has(string name) => _members.ContainsKey(name);

    /// <summary>The field's value, or null after reporting it missing (at the object, since the field has no position).</summary>
    public JsonNodeAt? Required(string name, string expectation)
    {
        if (_members.TryGetValue(name, out var member))
        {
            return member.Value;
        }

        _diagnostics.Report(At, $"missing required field \"{name}\" (expected {expectation})");
        return null;
    }

    private static string UnknownField(string name, IReadOnlyList<string> fields)
    {
        var closest = fields.MinBy(field => EditDistance(name, field));
        var hint = closest is not null && EditDistance(name, closest) <= Math.Max(2, name.Length / 3)
            ? $"did you mean \"{closest}\"? "
            : string.Empty;
        return $"unknown field \"{name}\" ({hint}expected one of: {string.Join(", ", fields)})";
    }

    /// <summary>Levenshtein distance, for the "did you mean" hint on a misspelt field.</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
