using System.Collections.Immutable;
using Faceoff.Protocol.Model;

namespace Faceoff.Parity;

/// <summary>
/// Applies the protocol's declared known differences: a failed equivalence finding they match becomes a warning
/// that carries the declared reason, so the difference stays in every output instead of disappearing.
/// </summary>
public static class KnownDifferenceRule
{
    public const string Prefix = "known difference";

    public static ScenarioResult Apply(ImmutableArray<KnownDifference> known, string pair, ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (known.IsDefaultOrEmpty)
        {
            return result;
        }

        var findings = result.Findings.Select(finding => Declared(known, pair, result.Scenario, finding) is { } declared
            ? finding with { Status = ParityStatus.Warn, Message = $"{Prefix} (declared: {declared.Reason}): {finding.Message}" }
            : finding).ToImmutableArray();
        return result with { Findings = findings, Status = ParityVerdict.Worst(findings) };
    }

    private static KnownDifference? Declared(ImmutableArray<KnownDifference> known, string pair, string scenario, ParityFinding finding) =>
        finding.Status == ParityStatus.Fail && finding.Subject == pair
            ? known.FirstOrDefault(difference => difference.Matches(finding.Check, pair, scenario))
            : null;
}
