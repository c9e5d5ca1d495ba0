using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Faceoff.Parity.Http;
using Faceoff.Protocol.Model;

namespace Faceoff.Parity.Checks;

/// <summary>One side of a pair's response to the same scenario: the profile that answered and what it sent.</summary>
public sealed record SideResponse(string Profile, WireResponse Response);

/// <summary>Cross-framework findings for one scenario, with a unified diff of the bodies when they differ in a way that matters.</summary>
public sealed record EquivalenceResult(ImmutableArray<ParityFinding> Findings, string? Diff);

/// <summary>
/// Both frameworks of a pair must do the same work: same status and media type, the same JSON shape and
/// (outside volatile fields) the same values, and identical bytes when the contract makes the body deterministic.
/// </summary>
public static class EquivalenceChecks
{
    private const int MaxShapeDifferences = 20;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static EquivalenceResult Compare(ScenarioContract contract, CharsetRule charset, SideResponse candidate, SideResponse reference, string pair)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(reference);
        var (c, r) = (candidate.Response, reference.Response);
        var findings = ImmutableArray.CreateBuilder<ParityFinding>();
        findings.Add(Status(c.Status, r.Status, candidate.Profile, reference.Profile, pair));
        findings.Add(MediaType(charset, c.Header("Content-Type"), r.Header("Content-Type"), candidate.Profile, reference.Profile, pair));
        if (contract.Json is not null)
        {
            findings.AddRange(Json(contract.Json, candidate, reference, pair));
        }

        if (Deterministic(contract))
        {
            findings.Add(Bytes(candidate, reference, pair));
        }

        var differs = findings.Any(f => f.Status == ParityStatus.Fail && f.Check is "equivalence.body_bytes" or "equivalence.json_shape" or "equivalence.json_values");
        return new EquivalenceResult(findings.ToImmutable(), differs ? Diff(candidate, reference) : null);
    }

    /// <summary>A body is deterministic unless the contract declares volatile JSON fields; then only its structure is comparable.</summary>
    public static bool Deterministic(ScenarioContract contract) => contract?.Json is null || contract.Json.VolatileFields.IsDefaultOrEmpty;

    public static ParityFinding Status(int candidate, int reference, string candidateLabel, string referenceLabel, string pair)
    {
        var observed = $"{candidateLabel} {candidate}, {referenceLabel} {reference}";
        return candidate == reference
            ? ParityFinding.Pass("equivalence.status", pair, $"both {candidate}", candidate.ToString(CultureInfo.InvariantCulture), observed)
            : ParityFinding.Fail("equivalence.status", pair, $"status differs: {observed}", "same status", observed);
    }

    /// <summary>Ignore compares type/subtype; Exact compares the whole Content-Type value, charset included.</summary>
    public static ParityFinding MediaType(CharsetRule charset, string? candidate, string? reference, string candidateLabel, string referenceLabel, string pair)
    {
        var (left, right) = charset == CharsetRule.Exact
            ? (candidate, reference)
            : (MediaTypes.Essence(candidate), MediaTypes.Essence(reference));
        var rule = charset == CharsetRule.Exact ? "whole Content-Type" : "type/subtype";
        var observed = $"{candidateLabel} \"{candidate}\", {referenceLabel} \"{reference}\"";
        return string.Equals(left, right, StringComparison.Ordinal)
            ? ParityFinding.Pass("equivalence.media_type", pair, $"same {rule}: {left}", rule, observed)
            : ParityFinding.Fail("equivalence.media_type", pair, $"{rule} differs: {observed}", $"same {rule}", observed);
    }

    private static List<ParityFinding> Json(JsonContract contract, SideResponse candidate, SideResponse reference, string pair)
    {
        // Contract checks already report unparsable bodies per side; here only pairs that both parse are comparable.
        var left = JsonChecks.ParseOrNull(candidate.Response.Body);
        var right = JsonChecks.ParseOrNull(reference.Response.Body);
        if (left is null || right is null)
        {
            left?.Dispose();
            right?.Dispose();
            return [ParityFinding.Fail("equivalence.json_shape", pair, "not comparable: a body is not JSON", "both JSON", null)];
        }

        using (left)
        using (right)
        {
            var shape = new List<string>();
            CompareShape(left.RootElement, right.RootElement, "$", candidate.Profile, reference.Profile, shape);
            var findings = new List<ParityFinding>
            {
                shape.Count == 0
                    ? ParityFinding.Pass("equivalence.json_shape", pair, "same keys and value types")
                    : ParityFinding.Fail("equivalence.json_shape", pair, string.Join("; ", shape), "same keys and value types", string.Join("; ", shape)),
            };
            findings.Add(Values(contract, left.RootElement, right.RootElement, candidate.Profile, reference.Profile, pair));
            return findings;
        }
    }

    /// <summary>Top-level values outside the volatile fields must be equal (structurally: key order and number spelling do not count).</summary>
    private static ParityFinding Values(JsonContract contract, JsonElement left, JsonElement right, string leftLabel, string rightLabel, string pair)
    {
        if (left.ValueKind != JsonValueKind.Object || right.ValueKind != JsonValueKind.Object)
        {
            return JsonElement.DeepEquals(left, right)
                ? ParityFinding.Pass("equivalence.json_values", pair, "same values")
                : ParityFinding.Fail("equivalence.json_values", pair, "values differ", "same values", null);
        }

        var differing = new List<string>();
        foreach (var property in left.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (!contract.VolatileFields.Contains(property.Name) && right.TryGetProperty(property.Name, out var other)
                && !JsonElement.DeepEquals(property.Value, other))
            {
                differing.Add($"\"{property.Name}\": {leftLabel} {Excerpt.Clip(property.Value.GetRawText(), 60)}, {rightLabel} {Excerpt.Clip(other.GetRawText(), 60)}");
            }
        }

        var ignored = contract.VolatileFields.IsDefaultOrEmpty ? "none" : string.Join(", ", contract.VolatileFields);
        return differing.Count == 0
            ? ParityFinding.Pass("equivalence.json_values", pair, $"same values outside volatile fields ({ignored})")
            : ParityFinding.Fail("equivalence.json_values", pair, $"values differ: {string.Join("; ", differing)}", "same values", string.Join("; ", differing));
    }

    private static ParityFinding Bytes(SideResponse candidate, SideResponse reference, string pair)
    {
        var left = candidate.Response.Body.Span;
        var right = reference.Response.Body.Span;
        var difference = Excerpt.FirstDifference(left, right, candidate.Profile, reference.Profile);
        var observed = $"{candidate.Profile} {left.Length} bytes, {reference.Profile} {right.Length} bytes";
        return difference is null
            ? ParityFinding.Pass("equivalence.body_bytes", pair, $"identical bodies ({left.Length} bytes)", "identical bytes", observed)
            : ParityFinding.Fail("equivalence.body_bytes", pair, $"bodies differ ({observed}); {difference}", "identical bytes", observed);
    }

    private static void CompareShape(JsonElement left, JsonElement right, string path, string leftLabel, string rightLabel, List<string> differences)
    {
        if (differences.Count >= MaxShapeDifferences)
        {
            return;
        }

        var (leftKind, rightKind) = (ShapeKind(left), ShapeKind(right));
        if (leftKind != rightKind)
        {
            differences.Add($"{path} is {leftKind} in {leftLabel}, {rightKind} in {rightLabel}");
            return;
        }

        if (left.ValueKind == JsonValueKind.Object)
        {
            var rightNames = right.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var property in left.EnumerateObject())
            {
                if (right.TryGetProperty(property.Name, out var other))
                {
                    CompareShape(property.Value, other, $"{path}.{property.Name}", leftLabel, rightLabel, differences);
                }
                else
                {
                    differences.Add($"{path}.{property.Name} only in {leftLabel}");
                }

                rightNames.Remove(property.Name);
            }

            differences.AddRange(rightNames.Order(StringComparer.Ordinal).Select(name => $"{path}.{name} only in {rightLabel}"));
        }
        else if (left.ValueKind == JsonValueKind.Array)
        {
            if (left.GetArrayLength() != right.GetArrayLength())
            {
                differences.Add($"{path} has {left.GetArrayLength()} items in {leftLabel}, {right.GetArrayLength()} in {rightLabel}");
            }

            foreach (var (item, index) in left.EnumerateArray().Zip(right.EnumerateArray()).Select((p, i) => (p, i)))
            {
                CompareShape(item.First, item.Second, $"{path}[{index}]", leftLabel, rightLabel, differences);
            }
        }
    }

    /// <summary>Across frameworks an integral number and a fractional one are the same kind (a timestamp may land on a whole second).</summary>
    private static string ShapeKind(JsonElement element) => element.ValueKind == JsonValueKind.Number ? "number" : JsonChecks.KindOf(element);

    /// <summary>Diffs pretty-printed JSON when the structures differ (one line per key reads better), raw text otherwise.</summary>
    private static string? Diff(SideResponse candidate, SideResponse reference)
    {
        var (left, right) = (Encoding.UTF8.GetString(candidate.Response.Body.Span), Encoding.UTF8.GetString(reference.Response.Body.Span));
        if (Pretty(candidate.Response.Body) is { } prettyLeft && Pretty(reference.Response.Body) is { } prettyRight && prettyLeft != prettyRight)
        {
            (left, right) = (prettyLeft, prettyRight);
        }

        return UnifiedDiff.Create(left, right, candidate.Profile, reference.Profile);
    }

    private static string? Pretty(ReadOnlyMemory<byte> body)
    {
        using var document = JsonChecks.ParseOrNull(body);
        return document is null ? null : JsonSerializer.Serialize(document.RootElement, Indented) + "\n";
    }
}
