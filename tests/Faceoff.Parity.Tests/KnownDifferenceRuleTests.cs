using System.Collections.Immutable;
using Faceoff.Protocol.Model;

namespace Faceoff.Parity.Tests;

/// <summary>A declared known difference turns its failed equivalence finding into a warning that carries the reason; nothing else changes.</summary>
public sealed class KnownDifferenceRuleTests
{
    private static readonly ImmutableArray<KnownDifference> Declared =
        [new KnownDifference("equivalence.body_bytes", "p1", "root", "the candidate renders a full page")];

    [Fact]
    public void A_matching_failure_becomes_a_warning_with_the_declared_reason()
    {
        var result = KnownDifferenceRule.Apply(Declared, "p1", Scenario("root", BodyBytesFailure()));

        Assert.Equal(ParityStatus.Warn, result.Status);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(ParityStatus.Warn, finding.Status);
        Assert.Equal("known difference (declared: the candidate renders a full page): bodies differ: 580 vs 216 bytes", finding.Message);
        Assert.Equal(("580 bytes", "216 bytes"), (finding.Expected, finding.Observed));
    }

    [Fact]
    public void Other_scenarios_pairs_and_contract_failures_still_fail()
    {
        var contract = ParityFinding.Fail("contract.body_substrings", "p1_candidate", "missing \"<h1>\"", "<h1>", "absent");

        Assert.Equal(ParityStatus.Fail, KnownDifferenceRule.Apply(Declared, "p1", Scenario("healthz", BodyBytesFailure())).Status);
        Assert.Equal(ParityStatus.Fail, KnownDifferenceRule.Apply(Declared, "p2", Scenario("root", BodyBytesFailure("p2"))).Status);
        var mixed = KnownDifferenceRule.Apply(Declared, "p1", Scenario("root", BodyBytesFailure(), contract));
        Assert.Equal(ParityStatus.Fail, mixed.Status);
        Assert.Equal([ParityStatus.Warn, ParityStatus.Fail], mixed.Findings.Select(f => f.Status));
    }

    [Fact]
    public void Without_declarations_the_result_is_unchanged()
    {
        var result = Scenario("root", BodyBytesFailure());

        Assert.Same(result, KnownDifferenceRule.Apply([], "p1", result));
    }

    private static ParityFinding BodyBytesFailure(string pair = "p1") =>
        ParityFinding.Fail("equivalence.body_bytes", pair, "bodies differ: 580 vs 216 bytes", "580 bytes", "216 bytes");

    private static ScenarioResult Scenario(string id, params ParityFinding[] findings) =>
        new(id, null, ParityVerdict.Worst(findings), [], [.. findings], null);
}
