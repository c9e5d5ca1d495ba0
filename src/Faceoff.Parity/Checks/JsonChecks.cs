using System.Text;
using System.Text.Json;
using Faceoff.Protocol.Model;

namespace Faceoff.Parity.Checks;

/// <summary>The JSON part of a contract: the body parses, required keys hold the right kinds, pinned keys hold the pinned values.</summary>
public static class JsonChecks
{
    public static IReadOnlyList<ParityFinding> Evaluate(JsonContract contract, ReadOnlyMemory<byte> body, string subject)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (!TryParse(body, out var document, out var error))
        {
            return [ParityFinding.Fail("json.parse", subject, $"body is not JSON ({error})", "a JSON object", Excerpt.Of(body.Span))];
        }

        using (document)
        {
            var root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return [ParityFinding.Fail("json.parse", subject, $"top-level value is {KindOf(root)}, expected object", "object", KindOf(root))];
            }

            var findings = new List<ParityFinding> { ParityFinding.Pass("json.parse", subject, "body is a JSON object") };
            findings.AddRange(RequiredKeys(contract, root, subject));
            findings.AddRange(ExactValues(contract, root, subject));
            return findings;
        }
    }

    public static bool TryParse(ReadOnlyMemory<byte> body, out JsonDocument? document, out string? error)
    {
        try
        {
            document = JsonDocument.Parse(body);
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            document = null;
            error = ex.Message;
            return false;
        }
    }

    public static JsonDocument? ParseOrNull(ReadOnlyMemory<byte> body) => TryParse(body, out var document, out _) ? document : null;

    /// <summary>The JSON Schema name of a value's kind; numbers without a fractional part are integers.</summary>
    public static string KindOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => IsIntegral(element) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };

    /// <summary>JSON Schema semantics: every integer is also a number, and 1.0 is an integer.</summary>
    public static bool IsOfType(JsonElement element, JsonType type) => type switch
    {
        JsonType.String => element.ValueKind == JsonValueKind.String,
        JsonType.Number => element.ValueKind == JsonValueKind.Number,
        JsonType.Integer => element.ValueKind == JsonValueKind.Number && IsIntegral(element),
        JsonType.Boolean => element.ValueKind is JsonValueKind.True or JsonValueKind.False,
        JsonType.Object => element.ValueKind == JsonValueKind.Object,
        JsonType.Array => element.ValueKind == JsonValueKind.Array,
        JsonType.Null => element.ValueKind == JsonValueKind.Null,
        _ => false,
    };

    public static string TypeName(JsonType type) => type.ToString().ToLowerInvariant();

    private static List<ParityFinding> RequiredKeys(JsonContract contract, JsonElement root, string subject)
    {
        var failures = new List<ParityFinding>();
        foreach (var (key, type) in contract.RequiredKeys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var expected = TypeName(type);
            if (!root.TryGetProperty(key, out var value))
            {
                failures.Add(ParityFinding.Fail("json.required_keys", subject, $"key \"{key}\" missing (expected {expected})", expected, "absent"));
            }
            else if (!IsOfType(value, type))
            {
                failures.Add(ParityFinding.Fail(
                    "json.required_keys", subject, $"key \"{key}\" is {KindOf(value)} {Raw(value)}, expected {expected}", expected, KindOf(value)));
            }
        }

        if (failures.Count == 0 && contract.RequiredKeys.Count > 0)
        {
            failures.Add(ParityFinding.Pass("json.required_keys", subject, $"{contract.RequiredKeys.Count} required keys with the right types"));
        }

        return failures;
    }

    private static List<ParityFinding> ExactValues(JsonContract contract, JsonElement root, string subject)
    {
        var failures = new List<ParityFinding>();
        var pinned = contract.ExactValues
            .Where(kv => !contract.VolatileFields.Contains(kv.Key))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var (key, expectedRaw) in pinned)
        {
            if (!TryParse(Encoding.UTF8.GetBytes(expectedRaw), out var expectedDocument, out var error))
            {
                failures.Add(ParityFinding.Fail("json.exact_values", subject, $"protocol value for \"{key}\" is not JSON ({error})", expectedRaw, null));
                continue;
            }

            using (expectedDocument)
            {
                var expected = expectedDocument!.RootElement;
                if (!root.TryGetProperty(key, out var value))
                {
                    failures.Add(ParityFinding.Fail("json.exact_values", subject, $"key \"{key}\" missing (expected {Raw(expected)})", Raw(expected), "absent"));
                }
                else if (!JsonElement.DeepEquals(value, expected))
                {
                    failures.Add(ParityFinding.Fail(
                        "json.exact_values", subject, $"key \"{key}\" is {Raw(value)}, expected {Raw(expected)}", Raw(expected), Raw(value)));
                }
            }
        }

        if (failures.Count == 0 && pinned.Count > 0)
        {
            failures.Add(ParityFinding.Pass("json.exact_values", subject, $"{pinned.Count} pinned values match"));
        }

        return failures;
    }

    private static bool IsIntegral(JsonElement number) =>
        number.TryGetDouble(out var value) && double.IsFinite(value) && Math.Floor(value) == value;

    private static string Raw(JsonElement element) => Excerpt.Clip(element.GetRawText(), 80);
}
