namespace Faceoff.Protocol.Model;

/// <summary>
/// A difference between the two sides of a pair that the parity gate will find and that the protocol declares
/// known, with the reason it does not invalidate the comparison. Only equivalence checks (candidate against
/// reference) can be declared: a contract each side must meet is never loosened this way. A declared difference
/// is still reported, as a warning carrying its reason, instead of failing the gate.
/// </summary>
/// <param name="Check">An equivalence check id, e.g. <c>equivalence.body_bytes</c>.</param>
/// <param name="Pair">The pair it applies to; null for every pair.</param>
/// <param name="Scenario">The scenario it applies to; null for every scenario.</param>
public sealed record KnownDifference(string Check, string? Pair, string? Scenario, string Reason)
{
    /// <summary>The checks that compare the two sides with each other, the only ones a protocol may declare.</summary>
    public static readonly IReadOnlyList<string> DeclarableChecks =
        ["equivalence.status", "equivalence.media_type", "equivalence.json_shape", "equivalence.json_values", "equivalence.body_bytes"];

    public bool Matches(string check, string pair, string scenario) =>
        Check == check && (Pair is null || Pair == pair) && (Scenario is null || Scenario == scenario);
}
