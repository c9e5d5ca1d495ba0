using System.Collections.Immutable;
using System.Globalization;
using Faceoff.Protocol.Json;

namespace Faceoff.Protocol.Reading;

/// <summary>
/// Typed reads of single JSON values. Each returns null after reporting when the value is absent
/// (null node) or wrong, so callers can keep reading and collect every problem.
/// </summary>
internal static class Values
{
    public const string PortExpectation = "an integer 1-65535";
    public const string PositiveInteger = "a positive integer";
    public const string PositiveNumber = "a number greater than 0";
    public const string StringMapExpectation = "an object whose values are strings";
    public const string StringListExpectation = "an array of strings";

    public static string? String(JsonNodeAt? node, Diagnostics diagnostics, string expectation = "a string")
    {
        if (node is null)
        {
            return null;
        }

        if (node.Kind != NodeKind.String)
        {
            diagnostics.Expected(node, expectation);
            return null;
        }

        return node.Text;
    }

    /// <summary>A string that must not be empty or blank (names, commands, paths).</summary>
    public static string? NonEmpty(JsonNodeAt? node, Diagnostics diagnostics, string expectation = "a non-empty string")
    {
        var text = String(node, diagnostics, expectation);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Expected(node!, expectation);
            return null;
        }

        return text;
    }

    public static long? Integer(JsonNodeAt? node, Diagnostics diagnostics, long min, long max, string expectation)
    {
        if (node is null)
        {
            return null;
        }

        if (node.Kind == NodeKind.Number
            && long.TryParse(node.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        diagnostics.Expected(node, expectation);
        return null;
    }

    public static int? Int(JsonNodeAt? node, Diagnostics diagnostics, int min, int max, string expectation) =>
        (int?)Integer(node, diagnostics, min, max, expectation);

    public static double? Number(JsonNodeAt? node, Diagnostics diagnostics, Func<double, bool> accept, string expectation)
    {
        if (node is null)
        {
            return null;
        }

        if (node.Kind == NodeKind.Number
            && double.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) && accept(value))
        {
            return value;
        }

        diagnostics.Expected(node, expectation);
        return null;
    }

    public static double? Positive(JsonNodeAt? node, Diagnostics diagnostics) =>
        Number(node, diagnostics, v => v > 0, PositiveNumber);

    public static ImmutableArray<string>? StringList(JsonNodeAt? node, Diagnostics diagnostics, bool nonEmptyItems = false)
    {
        if (node is null)
        {
            return null;
        }

        if (node.Kind != NodeKind.Array)
        {
            diagnostics.Expected(node, StringListExpectation);
            return null;
        }

        var before = diagnostics.Count;
        var items = node.Items
            .Select(item => nonEmptyItems ? NonEmpty(item, diagnostics) : String(item, diagnostics))
            .ToList();
        return diagnostics.Count == before ? [.. items.Select(item => item!)] : null;
    }

    public static ImmutableDictionary<string, string>? StringMap(JsonNodeAt? node, Diagnostics diagnostics)
    {
        if (node is null)
        {
            return null;
        }

        if (node.Kind != NodeKind.Object)
        {
            diagnostics.Expected(node, StringMapExpectation);
            return null;
        }

        var before = diagnostics.Count;
        var map = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var member in UniqueMembers(node, diagnostics))
        {
            if (String(member.Value, diagnostics) is { } value)
            {
                map[member.Name] = value;
            }
        }

        return diagnostics.Count == before ? map.ToImmutable() : null;
    }

    /// <summary>Members of a free-form object (a map), reporting keys written twice.</summary>
    public static IEnumerable<JsonMember> UniqueMembers(JsonNodeAt node, Diagnostics diagnostics)
    {
        var seen = new Dictionary<string, JsonMember>(StringComparer.Ordinal);
        foreach (var member in node.Members)
        {
            if (seen.TryGetValue(member.Name, out var first))
            {
                diagnostics.Report(member.NameAt, $"duplicate key \"{member.Name}\" (first at line {first.NameAt.Line}:{first.NameAt.Column})");
                continue;
            }

            seen.Add(member.Name, member);
            yield return member;
        }
    }

    /// <summary>A concurrency ladder: a non-empty, strictly increasing list of connection counts.</summary>
    public static ImmutableArray<int>? Ladder(JsonNodeAt? node, Diagnostics diagnostics)
    {
        if (node is null)
        {
            return null;
        }

        if (node.Kind != NodeKind.Array || node.Items.Count == 0)
        {
            diagnostics.Expected(node, ProtocolDefaults.LadderExpectation);
            return null;
        }

        var before = diagnostics.Count;
        var steps = new List<int>();
        foreach (var item in node.Items)
        {
            if (Int(item, diagnostics, 1, ProtocolDefaults.MaxConcurrency, ProtocolDefaults.StepExpectation) is not { } step)
            {
                continue;
            }

            if (steps.Count > 0 && step <= steps[^1])
            {
                diagnostics.Report(item.At, step == steps[^1] || steps.Contains(step)
                    ? $"duplicate concurrency {step} (the ladder must be strictly increasing)"
                    : $"expected strictly increasing values, got {step} after {steps[^1]}");
            }

            steps.Add(step);
        }

        return diagnostics.Count == before ? [.. steps] : null;
    }
}
