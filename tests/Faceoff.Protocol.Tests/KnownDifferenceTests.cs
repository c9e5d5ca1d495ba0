using Faceoff.Protocol.Model;

namespace Faceoff.Protocol.Tests;

/// <summary>known_differences: an equivalence check, optionally scoped to a pair and scenario, and a mandatory reason.</summary>
public sealed class KnownDifferenceTests
{
    [Fact]
    public void A_declared_difference_is_read_with_its_scope_and_reason()
    {
        var result = TestFiles.LoadText(Field("'known_differences': [{ 'check': 'equivalence.body_bytes', 'pair': 'p1', 'scenario': 'healthz', 'reason': 'page sizes differ by design' }]"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var known = Assert.Single(result.Protocol!.KnownDifferences);
        Assert.Equal(new KnownDifference("equivalence.body_bytes", "p1", "healthz", "page sizes differ by design"), known);
        Assert.True(known.Matches("equivalence.body_bytes", "p1", "healthz"));
        Assert.False(known.Matches("equivalence.body_bytes", "p1", "status"));
        Assert.False(known.Matches("equivalence.json_values", "p1", "healthz"));
    }

    [Fact]
    public void A_difference_without_a_reason_is_located()
    {
        Assert.Equal(
            ["4:25: $.known_differences[0]: missing required field \"reason\" (expected a non-empty reason (why this difference does not invalidate the comparison))"],
            MiniProtocol.Errors(Field("'known_differences': [{ 'check': 'equivalence.body_bytes' }]")));
    }

    [Fact]
    public void A_blank_reason_is_not_a_reason()
    {
        var errors = MiniProtocol.Errors(Field("'known_differences': [{ 'check': 'equivalence.status', 'reason': '  ' }]"));

        Assert.Equal(["4:68: $.known_differences[0].reason: expected a non-empty reason (why this difference does not invalidate the comparison), got \"  \""], errors);
    }

    [Fact]
    public void A_contract_check_cannot_be_declared_known()
    {
        var error = Assert.Single(MiniProtocol.Errors(Field("'known_differences': [{ 'check': 'contract.body_substrings', 'reason': 'the page is different' }]")));

        Assert.StartsWith("4:36: $.known_differences[0].check: \"contract.body_substrings\" cannot be declared a known difference", error, StringComparison.Ordinal);
        Assert.EndsWith("a scenario's contract is never loosened", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_pair_and_scenario_are_located()
    {
        var errors = MiniProtocol.Errors(Field("'known_differences': [{ 'check': 'equivalence.status', 'pair': 'p9', 'scenario': 'nope', 'reason': 'r' }]"));

        Assert.Equal(
            ["4:66: $.known_differences[0].pair: unknown pair \"p9\" (defined: p1)", "4:84: $.known_differences[0].scenario: unknown scenario \"nope\" (defined: healthz, status)"],
            errors);
    }

    /// <summary>The mini protocol with a known_differences field written with single quotes, as line 4.</summary>
    private static string Field(string singleQuoted) => MiniProtocol.WithField(singleQuoted.Replace('\'', '"') + ",");
}
