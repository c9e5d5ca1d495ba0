using Faceoff.Statistics;
using Faceoff.Statistics.Claims;

namespace Faceoff.Cli.Reproduce;

/// <summary>What <c>faceoff reproduce</c> says about one row or one claim of the original run.</summary>
internal enum ReproductionOutcome
{
    Reproduced,
    NotReproduced,

    /// <summary>The data of at least one run cannot back a verdict, so there is nothing to hold the other run to.</summary>
    NotComparable,
}

/// <summary>One comparison row (pair, scenario, concurrency) in both runs; null members where a run has no such row.</summary>
internal sealed record RowReproduction(
    string Pair,
    string Scenario,
    int Concurrency,
    Verdict? OriginalVerdict,
    Interval? OriginalRatio,
    Verdict? NewVerdict,
    Interval? NewRatio,
    ReproductionOutcome Outcome,
    string Reason);

/// <summary>One claim in both runs; null statuses where a run has no such claim.</summary>
internal sealed record ClaimReproduction(
    string ClaimId,
    string Pair,
    string Scenario,
    ClaimStatus? OriginalStatus,
    ClaimStatus? NewStatus,
    ReproductionOutcome Outcome,
    string Reason);

/// <summary>A machine fact or tool version that is not the same in both runs; null where a run did not record it.</summary>
internal sealed record FactDifference(string Name, string? Original, string? New);

/// <summary>The whole comparison of a reproduction with its original.</summary>
internal sealed record ReproductionResult(
    IReadOnlyList<ClaimReproduction> Claims,
    IReadOnlyList<RowReproduction> Rows,
    IReadOnlyList<FactDifference> Machine,
    IReadOnlyList<FactDifference> Tools)
{
    /// <summary>
    /// Every claim reproduced; a campaign without claims needs every comparable row reproduced and at least one
    /// comparable row (a reproduction in which nothing could be compared reproduced nothing).
    /// </summary>
    public bool Reproduced => Claims.Count > 0
        ? Claims.All(c => c.Outcome == ReproductionOutcome.Reproduced)
        : Rows.Any(r => r.Outcome == ReproductionOutcome.Reproduced) && Rows.All(r => r.Outcome != ReproductionOutcome.NotReproduced);

    public int Count(ReproductionOutcome outcome) => Rows.Count(r => r.Outcome == outcome);
}
