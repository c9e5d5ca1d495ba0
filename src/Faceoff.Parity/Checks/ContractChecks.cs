using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Faceoff.Parity.Http;
using Faceoff.Protocol.Model;

namespace Faceoff.Parity.Checks;

/// <summary>
/// A scenario contract applied to one response. Every part the contract states becomes findings;
/// parts it leaves out are not checked. Nothing here throws for a non-conforming response.
/// </summary>
public static class ContractChecks
{
    private static readonly TimeSpan RegexBudget = TimeSpan.FromSeconds(1);

    public static ImmutableArray<ParityFinding> Evaluate(ScenarioContract contract, WireResponse response, string subject)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(response);
        var findings = ImmutableArray.CreateBuilder<ParityFinding>();
        findings.Add(Status(contract.Status, response.Status, subject));
        if (contract.MediaType is not null)
        {
            findings.Add(MediaType(contract.MediaType, response.Header("Content-Type"), subject));
        }

        if (contract.ExactBody is not null)
        {
            findings.Add(ExactBody(contract.ExactBody, response.Body.Span, subject));
        }

        if (contract.Json is not null)
        {
            findings.AddRange(JsonChecks.Evaluate(contract.Json, response.Body, subject));
        }

        if (!contract.RequiredHeaders.IsDefaultOrEmpty)
        {
            findings.AddRange(RequiredHeaders(contract.RequiredHeaders, response, subject));
        }

        if (!contract.BodySubstrings.IsDefaultOrEmpty)
        {
            findings.AddRange(BodySubstrings(contract.BodySubstrings, response.Body.Span, subject));
        }

        return findings.ToImmutable();
    }

    public static ParityFinding Status(int expected, int observed, string subject)
    {
        var e = expected.ToString(CultureInfo.InvariantCulture);
        var o = observed.ToString(CultureInfo.InvariantCulture);
        return expected == observed
            ? ParityFinding.Pass("status", subject, $"status {o}", e, o)
            : ParityFinding.Fail("status", subject, $"status {o}, expected {e}", e, o);
    }

    /// <summary>Compares type/subtype only: the charset rule governs the cross-framework comparison, not the contract.</summary>
    public static ParityFinding MediaType(string expected, string? contentType, string subject)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var observed = MediaTypes.Essence(contentType);
        var wanted = MediaTypes.Essence(expected);
        if (observed is null)
        {
            return ParityFinding.Fail("media_type", subject, $"no Content-Type, expected {wanted}", wanted, contentType);
        }

        return observed == wanted
            ? ParityFinding.Pass("media_type", subject, $"media type {observed}", wanted, contentType)
            : ParityFinding.Fail("media_type", subject, $"media type \"{contentType}\", expected {wanted}", wanted, contentType);
    }

    public static ParityFinding ExactBody(string expected, ReadOnlySpan<byte> body, string subject)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var wanted = Encoding.UTF8.GetBytes(expected);
        var observed = Excerpt.Of(body);
        var difference = Excerpt.FirstDifference(body, wanted, "observed", "expected");
        return difference is null
            ? ParityFinding.Pass("body.exact", subject, $"body matches ({body.Length} bytes)", Excerpt.Quote(expected), observed)
            : ParityFinding.Fail(
                "body.exact",
                subject,
                $"body {observed} ({body.Length} bytes), expected {Excerpt.Quote(expected)} ({wanted.Length} bytes); {difference}",
                Excerpt.Quote(expected),
                observed);
    }

    public static IEnumerable<ParityFinding> RequiredHeaders(IEnumerable<HeaderRequirement> requirements, WireResponse response, string subject)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(response);
        var failures = new List<ParityFinding>();
        var present = new List<string>();
        foreach (var requirement in requirements)
        {
            var expected = requirement.Pattern is null ? "present" : $"matches {requirement.Pattern}";
            var value = response.Header(requirement.Name);
            if (value is null)
            {
                failures.Add(ParityFinding.Fail("headers.required", subject, $"header \"{requirement.Name}\" missing", expected, "absent"));
            }
            else if (requirement.Pattern is not null && Matches(requirement.Pattern, value) is { } mismatch)
            {
                failures.Add(ParityFinding.Fail(
                    "headers.required", subject, $"header \"{requirement.Name}\" value {Excerpt.Quote(value)} {mismatch}", expected, value));
            }
            else
            {
                present.Add(requirement.Name);
            }
        }

        return failures.Count > 0
            ? failures
            : [ParityFinding.Pass("headers.required", subject, $"{present.Count} required headers present", string.Join(", ", present), null)];
    }

    public static IEnumerable<ParityFinding> BodySubstrings(IEnumerable<string> substrings, ReadOnlySpan<byte> body, string subject)
    {
        ArgumentNullException.ThrowIfNull(substrings);
        var text = Encoding.UTF8.GetString(body);
        var wanted = substrings.ToList();
        var missing = wanted.Where(s => !text.Contains(s, StringComparison.Ordinal)).ToList();
        return missing.Count == 0
            ? [ParityFinding.Pass("body.substrings", subject, $"all {wanted.Count} substrings present")]
            : missing.Select(s => ParityFinding.Fail(
                "body.substrings", subject, $"body lacks {Excerpt.Quote(s)}", Excerpt.Quote(s), Excerpt.Of(Encoding.UTF8.GetBytes(text)))).ToList();
    }

    /// <summary>Null when the value matches; otherwise why not (including a pattern the protocol got wrong).</summary>
    private static string? Matches(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, RegexBudget) ? null : $"does not match {pattern}";
        }
        catch (ArgumentException ex)
        {
            return $"cannot be checked: invalid pattern {pattern} ({ex.Message})";
        }
        catch (RegexMatchTimeoutException)
        {
            return $"cannot be checked: pattern {pattern} took longer than {RegexBudget.TotalSeconds:0} s";
        }
    }
}
