using System.Globalization;
using Faceoff.Protocol.Model;
using Faceoff.Reporting.Model;
using Faceoff.Statistics;
using Faceoff.Statistics.Claims;

namespace Faceoff.Cli.Reproduce;

/// <summary>
/// Holds a reproduction's report against its original's, row by row and claim by claim, by the rule in
/// <see cref="Definition"/>. Pure: the same two reports always give the same result.
/// </summary>
internal static class ReproductionComparer
{
    /// <summary>The rule, one statement per line: printed by --help, written to reproduction.md and the README.</summary>
    public static IReadOnlyList<string> Definition { get; } =
    [
        "A row (pair, scenario, concurrency) is reproduced when both runs give it the same verdict AND the reproduction's throughput ratio lies inside the original's interval or the two intervals overlap (the first implies the second; the reason says which held).",
        "A row is not reproduced when the verdicts differ, when the intervals are disjoint, or when the original has a publishable row the reproduction lacks.",
        "A row is not comparable when it is not publishable in at least one of the runs, or when either run has no throughput interval for it: such data backs no verdict, so there is nothing to hold the other run to.",
        "A claim is reproduced when its status is the same in both runs; not reproduced when the status differs or the reproduction lacks it; not comparable when it is unverified in both (neither run's data backs it).",
        "Exit 0 when every claim is reproduced; for a campaign without claims, when no comparable row is not reproduced and at least one row is reproduced. Exit 1 otherwise.",
    ];

    public static ReproductionResult Compare(CampaignReport original, CampaignReport reproduction)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(reproduction);
        return new ReproductionResult(
            Claims(original.Claims, reproduction.Claims),
            Rows(original.Comparisons, reproduction.Comparisons),
            MachineDifferences(original.Machine, reproduction.Machine),
            ToolDifferences(original.ToolVersions, reproduction.ToolVersions));
    }

    public static IReadOnlyList<RowReproduction> Rows(IReadOnlyList<ComparisonReport> original, IReadOnlyList<ComparisonReport> reproduction)
    {
        var fresh = reproduction.ToDictionary(Key);
        var rows = original.Select(row => Row(row, fresh.GetValueOrDefault(Key(row)))).ToList();
        var known = original.Select(Key).ToHashSet();
        rows.AddRange(reproduction.Where(row => !known.Contains(Key(row))).Select(row => new RowReproduction(
            row.Pair, row.Scenario, row.Concurrency, null, null, row.Verdict, row.ThroughputRatio,
            ReproductionOutcome.NotComparable, "the original run has no such row")));
        return rows;
    }

    public static RowReproduction Row(ComparisonReport original, ComparisonReport? reproduction)
    {
        ArgumentNullException.ThrowIfNull(original);
        var (outcome, reason) = Judge(original, reproduction);
        return new RowReproduction(
            original.Pair, original.Scenario, original.Concurrency,
            original.Verdict, original.ThroughputRatio, reproduction?.Verdict, reproduction?.ThroughputRatio,
            outcome, reason);
    }

    public static IReadOnlyList<ClaimReproduction> Claims(IReadOnlyList<ClaimResult> original, IReadOnlyList<ClaimResult> reproduction)
    {
        var fresh = reproduction.ToDictionary(c => c.Target.ClaimId, StringComparer.Ordinal);
        var claims = original.Select(claim => Claim(claim, fresh.GetValueOrDefault(claim.Target.ClaimId))).ToList();
        var known = original.Select(c => c.Target.ClaimId).ToHashSet(StringComparer.Ordinal);
        claims.AddRange(reproduction.Where(c => !known.Contains(c.Target.ClaimId)).Select(c => new ClaimReproduction(
            c.Target.ClaimId, c.Target.Pair, c.Target.Scenario, null, c.Status, ReproductionOutcome.NotReproduced,
            "the original run has no such claim")));
        return claims;
    }

    public static ClaimReproduction Claim(ClaimResult original, ClaimResult? reproduction)
    {
        ArgumentNullException.ThrowIfNull(original);
        var target = original.Target;
        var (outcome, reason) = reproduction switch
        {
            null => (ReproductionOutcome.NotReproduced, "the reproduction has no such claim"),
            { Status: ClaimStatus.Unverified } when original.Status == ClaimStatus.Unverified =>
                (ReproductionOutcome.NotComparable, "unverified in both runs: neither run's data backs the claim"),
            _ when reproduction.Status == original.Status => (ReproductionOutcome.Reproduced, $"{Text(original.Status)} in both runs"),
            _ => (ReproductionOutcome.NotReproduced, $"status differs: {Text(original.Status)} originally, {Text(reproduction.Status)} now ({reproduction.Summary})"),
        };
        return new ClaimReproduction(target.ClaimId, target.Pair, target.Scenario, original.Status, reproduction?.Status, outcome, reason);
    }

    public static IReadOnlyList<FactDifference> MachineDifferences(MachineInfo original, MachineInfo reproduction)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(reproduction);
        (string Name, string Original, string New)[] facts =
        [
            ("cpu_model", original.CpuModel, reproduction.CpuModel),
            ("logical_cores", Number(original.LogicalCores), Number(reproduction.LogicalCores)),
            ("memory_kib", Number(original.MemoryKib), Number(reproduction.MemoryKib)),
            ("kernel", original.Kernel, reproduction.Kernel),
            ("os", original.Os, reproduction.Os),
            ("architecture", original.Architecture, reproduction.Architecture),
        ];
        return [.. facts.Where(f => f.Original != f.New).Select(f => new FactDifference(f.Name, f.Original, f.New))];
    }

    public static IReadOnlyList<FactDifference> ToolDifferences(IReadOnlyDictionary<string, string> original, IReadOnlyDictionary<string, string> reproduction) =>
        [.. original.Keys.Union(reproduction.Keys).Order(StringComparer.Ordinal)
            .Select(tool => new FactDifference(tool, original.GetValueOrDefault(tool), reproduction.GetValueOrDefault(tool)))
            .Where(d => d.Original != d.New)];

    private static (ReproductionOutcome Outcome, string Reason) Judge(ComparisonReport original, ComparisonReport? reproduction)
    {
        if (reproduction is null)
        {
            return original.Verdict == Verdict.NotPublishable
                ? (ReproductionOutcome.NotComparable, $"the reproduction has no such row, and the original's is not publishable: {Blockers(original)}")
                : (ReproductionOutcome.NotReproduced, "the reproduction has no such row");
        }
        if (original.Verdict == Verdict.NotPublishable || reproduction.Verdict == Verdict.NotPublishable)
        {
            var which = (original.Verdict, reproduction.Verdict) switch
            {
                (Verdict.NotPublishable, Verdict.NotPublishable) => $"not publishable in either run (original: {Blockers(original)}; reproduction: {Blockers(reproduction)})",
                (Verdict.NotPublishable, _) => $"not publishable in the original: {Blockers(original)}",
                _ => $"not publishable in the reproduction: {Blockers(reproduction)}",
            };
            return (ReproductionOutcome.NotComparable, which);
        }
        if (original.ThroughputRatio is not { } before || reproduction.ThroughputRatio is not { } after)
        {
            var which = original.ThroughputRatio is null ? "the original" : "the reproduction";
            return (ReproductionOutcome.NotComparable, $"{which} has no throughput interval for this row");
        }
        if (original.Verdict != reproduction.Verdict)
        {
            return (ReproductionOutcome.NotReproduced, $"verdict flipped: {Text(original.Verdict)} originally, {Text(reproduction.Verdict)} now");
        }
        if (before.Contains(after.Point))
        {
            return (ReproductionOutcome.Reproduced, $"same verdict; the new ratio {after.Point:0.000} lies inside the original interval [{before.Lower:0.000}, {before.Upper:0.000}]");
        }
        if (after.Lower <= before.Upper && before.Lower <= after.Upper)
        {
            return (ReproductionOutcome.Reproduced, $"same verdict; the new ratio {after.Point:0.000} is outside the original interval but the intervals overlap");
        }
        return (ReproductionOutcome.NotReproduced,
            $"same verdict but disjoint intervals: [{before.Lower:0.000}, {before.Upper:0.000}] originally, [{after.Lower:0.000}, {after.Upper:0.000}] now");
    }

    private static (string Pair, string Scenario, int Concurrency) Key(ComparisonReport row) => (row.Pair, row.Scenario, row.Concurrency);

    private static string Blockers(ComparisonReport row) =>
        row.Blockers.FirstOrDefault() is { } first ? first : "no reason recorded";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Text(Verdict verdict) => verdict.Label();

    public static string Text(ClaimStatus status) => status.Label();

    public static string Text(ReproductionOutcome outcome) => outcome switch
    {
        ReproductionOutcome.Reproduced => "reproduced",
        ReproductionOutcome.NotReproduced => "not reproduced",
        _ => "not comparable",
    };
}
