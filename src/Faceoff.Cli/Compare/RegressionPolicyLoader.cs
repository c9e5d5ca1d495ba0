using System.Text;
using System.Text.Json;
using Faceoff.Protocol.Json;
using Faceoff.Statistics.Regression;

namespace Faceoff.Cli.Compare;

/// <summary>
/// Reads a policy file with <see cref="Utf8JsonReader"/> so that every problem (not only the first)
/// comes back with its JSON path, line and column; a bad file yields errors, never an exception.
/// </summary>
public static class RegressionPolicyLoader
{
    private const string LatencyRatio = "latency_regression_ratio";
    private const string ThroughputFloor = "throughput_floor_ratio";
    private const string MemoryKbMax = "memory_growth_kb_max";
    private const string MemoryRatio = "memory_growth_ratio";

    private static readonly string[] KnownFields = [LatencyRatio, ThroughputFloor, MemoryKbMax, MemoryRatio];

    private readonly record struct Value(double Number, JsonPosition At);

    public static PolicyLoadResult Parse(string json, string source = "policy.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = Encoding.UTF8.GetBytes(json);
        var errors = new List<PolicyError>();
        var values = new Dictionary<string, Value>();
        var seen = new HashSet<string>();
        var root = new JsonPosition(1, 1);
        void Error(string path, JsonPosition at, string message) => errors.Add(new(source, path, at.Line, at.Column, message));

        if (string.IsNullOrWhiteSpace(json))
        {
            Error("$", root, "the file is empty; expected a JSON object");
            return new(null, errors);
        }
        var reader = new Utf8JsonReader(bytes);
        try
        {
            reader.Read();
            root = JsonPosition.Of(bytes, reader.TokenStartIndex);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Error("$", root, $"expected a JSON object, found {Describe(reader.TokenType)}");
                return new(null, errors);
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                var path = "$." + name;
                var nameAt = JsonPosition.Of(bytes, reader.TokenStartIndex);
                reader.Read();
                var at = JsonPosition.Of(bytes, reader.TokenStartIndex);
                if (!KnownFields.Contains(name))
                {
                    Error(path, nameAt, $"unknown field \"{name}\"; expected one of {string.Join(", ", KnownFields)}");
                }
                else if (!seen.Add(name))
                {
                    Error(path, nameAt, "duplicate field");
                }
                else if (ReadNumber(ref reader, name) is { } problem)
                {
                    Error(path, at, problem);
                }
                else
                {
                    values[name] = new Value(reader.GetDouble(), at);
                }
                reader.Skip();
            }
            // Anything after the root object makes the reader throw, which reports it with its location.
            reader.Read();
        }
        catch (JsonException ex)
        {
            var at = JsonPosition.Of(ex, bytes);
            Error("$", at, "malformed JSON: " + JsonPosition.StripLocation(ex.Message));
            return new(null, errors);
        }

        foreach (var missing in KnownFields.Where(f => !seen.Contains(f)))
        {
            Error("$." + missing, root, "required field is missing");
        }
        Check(values, LatencyRatio, v => v >= 1, "must be at least 1 (a lower limit would flag unchanged latency)", Error);
        Check(values, ThroughputFloor, v => v > 0 && v <= 1, "must be in (0, 1]", Error);
        Check(values, MemoryKbMax, v => v >= 0, "must not be negative", Error);
        Check(values, MemoryRatio, v => v >= 1, "must be at least 1", Error);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }
        return new(new RegressionPolicy(
            values[LatencyRatio].Number,
            values[ThroughputFloor].Number,
            (long)values[MemoryKbMax].Number,
            values[MemoryRatio].Number), errors);
    }

    /// <summary>Null when the current token is a usable number for <paramref name="field"/>, else the problem.</summary>
    private static string? ReadNumber(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return $"expected a number, found {Describe(reader.TokenType)}";
        }
        if (field == MemoryKbMax)
        {
            return reader.TryGetInt64(out _) ? null : "expected a whole number of KiB";
        }
        return reader.TryGetDouble(out var value) && double.IsFinite(value) ? null : "number out of range";
    }

    private static void Check(
        Dictionary<string, Value> values,
        string field,
        Func<double, bool> valid,
        string rule,
        Action<string, JsonPosition, string> error)
    {
        if (values.TryGetValue(field, out var value) && !valid(value.Number))
        {
            error("$." + field, value.At, $"{rule}, got {value.Number}");
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Number => "a number",
        _ => token.ToString(),
    };
}
