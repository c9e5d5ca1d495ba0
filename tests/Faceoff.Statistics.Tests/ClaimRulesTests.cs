using Faceoff.Statistics.Claims;

namespace Faceoff.Statistics.Tests;

public sealed class ClaimRulesTests
{
    private static readonly ClaimTarget Target = new("C02", "comparison_http", "api_status");
    private static readonly Shape Reference = new(Noise: 0.01, Repeats: 5);

    /// <summary>A real comparison row at one step whose outcome is known from the shapes.</summary>
    private static ComparisonRow Row(int concurrency, char kind, bool parityVerified = true)
    {
        var random = new Random(concurrency * 31 + kind);
        var (candidate, failure) = kind switch
        {
            'S' => (Reference.Scaled(1.3, 0.8), null),
            'P' => (Reference, null),
            'R' => (Reference.Scaled(0.7, 1.3), null),
            'I' => (Reference with { Repeats = 2 }, null),
            'V' => (Reference.Scaled(1.3, 0.8) with { ContractViolations = 1 }, null),
            'X' => (Reference, "server crashed (signal 11)"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return ComparisonCalculator.Compare(
            Target.Pair,
            Synthetic.Cell(random, "aspnet", candidate, Target.Scenario, concurrency, failure),
            Synthetic.Cell(random, "fastapi", Reference, Target.Scenario, concurrency),
            parityVerified,
            StatisticsSettings.Default);
    }

    private static readonly int[] Ladder = [1, 4, 8, 16, 32];

    private static ClaimResult Evaluate(string kinds) =>
        ClaimRules.Evaluate(Target, Ladder, kinds.Select((kind, i) => Row(Ladder[i], kind)).ToArray());

    [Theory]
    [InlineData("SSSSS", ClaimStatus.Supported)]
    [InlineData("SSSPI", ClaimStatus.Supported)]
    [InlineData("PPPPP", ClaimStatus.Parity)]
    [InlineData("RRRSP", ClaimStatus.Refuted)]
    [InlineData("SSSRP", ClaimStatus.Mixed)]
    [InlineData("PPSSI", ClaimStatus.Mixed)]
    [InlineData("IIIPP", ClaimStatus.Inconclusive)]
    [InlineData("SSSSV", ClaimStatus.Unverified)]
    [InlineData("SSSSX", ClaimStatus.Unverified)]
    public void Overall_status_follows_the_rules_on_real_rows(string kinds, ClaimStatus expected)
    {
        var result = Evaluate(kinds);

        Assert.Equal(expected, result.Status);
        // The summary lists the steps behind the status, each status once, in the table's order.
        var expectedSummary = string.Join("; ", result.Steps.GroupBy(st => st.Status).OrderBy(g => g.Key)
            .Select(g => $"{g.Key.Label()} at c={string.Join(", ", g.Select(st => st.Concurrency))}"));
        Assert.Equal(expectedSummary, result.Summary);
    }

    [Fact]
    public void Step_statuses_carry_their_reasons()
    {
        var result = Evaluate("SPRIV");

        Assert.Equal(
            [ClaimStatus.Supported, ClaimStatus.Parity, ClaimStatus.Refuted, ClaimStatus.Inconclusive, ClaimStatus.Unverified],
            result.Steps.Select(s => s.Status));
        Assert.Contains("entirely above", result.Steps[0].Reason);
        Assert.Contains("inside the equivalence band", result.Steps[1].Reason);
        Assert.Contains("too few repeats", result.Steps[3].Reason);
        Assert.Contains("contract violation", result.Steps[4].Reason);
        Assert.Equal("supported at c=1; parity at c=4; refuted at c=8; inconclusive at c=16; unverified at c=32", result.Summary);
    }

    [Fact]
    public void A_ladder_step_without_a_row_is_unverified_as_missing_data()
    {
        var rows = new[] { 1, 4, 8, 16 }.Select(c => Row(c, 'S')).ToArray();

        var result = ClaimRules.Evaluate(Target, Ladder, rows);

        Assert.Equal(ClaimStatus.Unverified, result.Status);
        Assert.Equal("no comparison row for this step", result.Steps[^1].Reason);
    }

    [Fact]
    public void Skipped_parity_leaves_every_step_unverified()
    {
        var rows = Ladder.Select(c => Row(c, 'S', parityVerified: false)).ToArray();

        var result = ClaimRules.Evaluate(Target, Ladder, rows);

        Assert.Equal(ClaimStatus.Unverified, result.Status);
        Assert.All(result.Steps, s => Assert.Contains("parity gate was skipped", s.Reason));
    }

    [Fact]
    public void Rows_of_other_pairs_or_scenarios_are_ignored_and_no_steps_is_unverified()
    {
        var other = Row(8, 'S') with { Scenario = "healthz" };

        Assert.Equal(ClaimStatus.Unverified, ClaimRules.Evaluate(Target, [], [other]).Status);
        Assert.Equal(ClaimStatus.Unverified, ClaimRules.Evaluate(Target, [8], [other]).Status);
    }

    [Fact]
    public void Duplicate_rows_for_one_step_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ClaimRules.Evaluate(Target, [8], [Row(8, 'S'), Row(8, 'P')]));
    }

    [Fact]
    public void Rules_text_names_every_status_the_rules_can_produce()
    {
        var text = string.Join("\n", ClaimRules.Text);

        Assert.Equal(ClaimRules.StepRules.Count + ClaimRules.OverallRules.Count, ClaimRules.Text.Count);
        Assert.All(Enum.GetValues<ClaimStatus>(), status => Assert.Contains(status.Label(), text));
    }
}
