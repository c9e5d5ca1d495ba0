using Faceoff.Cli.Reproduce;
using Faceoff.Cli.Tests.Compare;
using Faceoff.Reporting.Model;
using Faceoff.Statistics;
using Faceoff.Statistics.Claims;

namespace Faceoff.Cli.Tests.Reproduce;

/// <summary>Every branch of the reproduction rule, on hand-made rows and claims.</summary>
public sealed class ReproductionComparerTests
{
    private static ComparisonReport Row(Verdict verdict, double lower, double point, double upper, string scenario = "healthz", int concurrency = 8) =>
        new("comparison_http", scenario, concurrency,
            new ComparisonSide("a", 1000, null, null, null), new ComparisonSide("b", 1000, null, null, null),
            new Interval(lower, point, upper), null, null, null, null, null, verdict,
            verdict == Verdict.NotPublishable ? ["cell unstable: CV 0.52 above 0.4", ComparisonReport.NumbersAlone + "ratio 1.0"] : ["ratio"]);

    private static ClaimResult Claim(ClaimStatus status, string id = "C01") =>
        new(new ClaimTarget(id, "comparison_http", "healthz"), status, [], $"{status} summary");

    [Fact]
    public void Same_verdict_with_the_new_ratio_inside_the_original_interval_is_reproduced()
    {
        var result = ReproductionComparer.Row(Row(Verdict.CandidateFaster, 2.0, 2.5, 3.0), Row(Verdict.CandidateFaster, 2.6, 2.8, 3.4));

        Assert.Equal(ReproductionOutcome.Reproduced, result.Outcome);
        Assert.Contains("inside the original interval", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_verdict_with_the_ratio_outside_but_overlapping_intervals_is_reproduced()
    {
        var result = ReproductionComparer.Row(Row(Verdict.CandidateFaster, 2.0, 2.5, 3.0), Row(Verdict.CandidateFaster, 2.9, 3.3, 3.7));

        Assert.Equal(ReproductionOutcome.Reproduced, result.Outcome);
        Assert.Contains("intervals overlap", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_verdict_flip_is_not_reproduced_even_when_the_intervals_overlap()
    {
        var result = ReproductionComparer.Row(Row(Verdict.CandidateFaster, 1.06, 1.10, 1.15), Row(Verdict.Inconclusive, 1.01, 1.08, 1.14));

        Assert.Equal(ReproductionOutcome.NotReproduced, result.Outcome);
        Assert.Contains("verdict flipped: candidate faster originally, inconclusive now", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_verdict_with_disjoint_intervals_is_not_reproduced()
    {
        var result = ReproductionComparer.Row(Row(Verdict.CandidateFaster, 2.0, 2.2, 2.4), Row(Verdict.CandidateFaster, 3.1, 3.5, 3.9));

        Assert.Equal(ReproductionOutcome.NotReproduced, result.Outcome);
        Assert.Contains("disjoint intervals", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_publishable_row_missing_from_the_reproduction_is_not_reproduced_and_an_extra_row_is_not_comparable()
    {
        var rows = ReproductionComparer.Rows([Row(Verdict.CandidateFaster, 2, 2.5, 3)], [Row(Verdict.CandidateFaster, 2, 2.5, 3, concurrency: 64)]);

        Assert.Equal(2, rows.Count);
        Assert.Equal((8, ReproductionOutcome.NotReproduced, (Verdict?)null), (rows[0].Concurrency, rows[0].Outcome, rows[0].NewVerdict));
        Assert.Equal("the reproduction has no such row", rows[0].Reason);
        Assert.Equal((64, ReproductionOutcome.NotComparable), (rows[1].Concurrency, rows[1].Outcome));
    }

    [Theory]
    [InlineData(true, false, "not publishable in the original: cell unstable")]
    [InlineData(false, true, "not publishable in the reproduction: cell unstable")]
    [InlineData(true, true, "not publishable in either run")]
    public void A_row_not_publishable_in_a_run_is_not_comparable_and_says_why(bool originalBlocked, bool newBlocked, string reason)
    {
        var original = Row(originalBlocked ? Verdict.NotPublishable : Verdict.CandidateFaster, 2, 2.5, 3);
        var fresh = Row(newBlocked ? Verdict.NotPublishable : Verdict.CandidateFaster, 2, 2.5, 3);

        var result = ReproductionComparer.Row(original, fresh);

        Assert.Equal(ReproductionOutcome.NotComparable, result.Outcome);
        Assert.StartsWith(reason, result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(ComparisonReport.NumbersAlone, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_without_an_interval_is_not_comparable()
    {
        var fresh = Row(Verdict.Inconclusive, 1, 1, 1) with { ThroughputRatio = null };

        var result = ReproductionComparer.Row(Row(Verdict.Inconclusive, 0.9, 1.0, 1.1), fresh);

        Assert.Equal((ReproductionOutcome.NotComparable, "the reproduction has no throughput interval for this row"), (result.Outcome, result.Reason));
    }

    [Theory]
    [InlineData(ClaimStatus.Supported, ClaimStatus.Supported, "reproduced")]
    [InlineData(ClaimStatus.Parity, ClaimStatus.Parity, "reproduced")]
    [InlineData(ClaimStatus.Supported, ClaimStatus.Parity, "not reproduced")]
    [InlineData(ClaimStatus.Supported, ClaimStatus.Unverified, "not reproduced")]
    [InlineData(ClaimStatus.Unverified, ClaimStatus.Supported, "not reproduced")]
    [InlineData(ClaimStatus.Unverified, ClaimStatus.Unverified, "not comparable")]
    public void A_claim_is_reproduced_exactly_when_its_status_is_the_same(ClaimStatus original, ClaimStatus fresh, string expected)
    {
        var result = ReproductionComparer.Claim(Claim(original), Claim(fresh));

        Assert.Equal(expected, ReproductionComparer.Text(result.Outcome));
        Assert.Equal((original, fresh), (result.OriginalStatus!.Value, result.NewStatus!.Value));
    }

    [Fact]
    public void A_claim_missing_from_either_run_is_not_reproduced()
    {
        var claims = ReproductionComparer.Claims([Claim(ClaimStatus.Supported, "C01")], [Claim(ClaimStatus.Supported, "C02")]);

        Assert.Equal(["C01", "C02"], claims.Select(c => c.ClaimId));
        Assert.All(claims, c => Assert.Equal(ReproductionOutcome.NotReproduced, c.Outcome));
        Assert.Equal("the reproduction has no such claim", claims[0].Reason);
    }

    [Fact]
    public void The_result_needs_every_claim_reproduced_and_without_claims_every_comparable_row()
    {
        var reproduced = new RowReproduction("p", "s", 1, null, null, null, null, ReproductionOutcome.Reproduced, "");
        var blocked = reproduced with { Outcome = ReproductionOutcome.NotComparable };
        var missed = reproduced with { Outcome = ReproductionOutcome.NotReproduced };
        var claim = new ClaimReproduction("C01", "p", "s", ClaimStatus.Supported, ClaimStatus.Supported, ReproductionOutcome.Reproduced, "");

        Assert.True(new ReproductionResult([claim], [missed], [], []).Reproduced);
        Assert.False(new ReproductionResult([claim, claim with { Outcome = ReproductionOutcome.NotComparable }], [reproduced], [], []).Reproduced);
        Assert.True(new ReproductionResult([], [reproduced, blocked], [], []).Reproduced);
        Assert.False(new ReproductionResult([], [reproduced, missed], [], []).Reproduced);
        Assert.False(new ReproductionResult([], [blocked], [], []).Reproduced);
    }

    [Fact]
    public void Machine_facts_and_tool_versions_that_differ_are_listed_with_both_values()
    {
        var original = CompareReports.Build("a", []) with
        {
            ToolVersions = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
                [KeyValuePair.Create("dotnet", "10.0.100"), KeyValuePair.Create("python", "3.11.2")]),
        };
        var fresh = original with
        {
            Machine = original.Machine with { CpuModel = "other cpu", LogicalCores = 4 },
            ToolVersions = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
                [KeyValuePair.Create("dotnet", "10.0.101"), KeyValuePair.Create("uvicorn", "0.30")]),
        };

        var result = ReproductionComparer.Compare(original, fresh);

        Assert.Equal([new FactDifference("cpu_model", "test cpu", "other cpu"), new FactDifference("logical_cores", "2", "4")], result.Machine);
        Assert.Equal(
            [new FactDifference("dotnet", "10.0.100", "10.0.101"), new FactDifference("python", "3.11.2", null), new FactDifference("uvicorn", null, "0.30")],
            result.Tools);
        Assert.Empty(ReproductionComparer.Compare(original, original).Machine);
    }
}
