namespace Faceoff.Statistics.Claims;

/// <summary>
/// The claim rules, kept as ordered (text, rule) tables so the methodology note prints exactly the
/// rules the code applies: the first rule that applies decides.
/// </summary>
public static class ClaimRules
{
    private sealed record StepRule(string Text, Func<ComparisonRow?, ClaimStatus?> Apply);

    private sealed record OverallRule(string Text, Func<StepCounts, ClaimStatus?> Apply);

    private sealed record StepCounts(int Total, int Supported, int Parity, int Refuted, int Inconclusive, int Unverified)
    {
        public bool Majority(int count) => count * 2 > Total;
    }

    private static readonly StepRule[] StepTable =
    [
        new("A step is unverified when there is no comparison row for it (a cell was never measured).",
            row => row is null ? ClaimStatus.Unverified : null),
        new("A step is unverified when its comparison row is not publishable: the parity gate was skipped, a cell failed or crashed, a cell is unstable (throughput CV across repeats above the bound), or a cell had contract violations or errors under load.",
            row => row!.IsPublishable ? null : ClaimStatus.Unverified),
        new("Otherwise a step follows the throughput verdict: candidate faster → supported.",
            row => row!.Verdict == Verdict.CandidateFaster ? ClaimStatus.Supported : null),
        new("No significant difference (the whole throughput interval inside the equivalence band) → parity.",
            row => row!.Verdict == Verdict.NoSignificantDifference ? ClaimStatus.Parity : null),
        new("Candidate slower → refuted.",
            row => row!.Verdict == Verdict.CandidateSlower ? ClaimStatus.Refuted : null),
        new("Inconclusive (the interval overlaps a band edge, or too few repeats) → inconclusive.",
            _ => ClaimStatus.Inconclusive),
    ];

    private static readonly OverallRule[] OverallTable =
    [
        new("A claim with no steps is unverified.",
            c => c.Total == 0 ? ClaimStatus.Unverified : null),
        new("A claim is unverified if any step is unverified.",
            c => c.Unverified > 0 ? ClaimStatus.Unverified : null),
        new("Supported if supported at more than half of the steps and refuted at none.",
            c => c.Majority(c.Supported) && c.Refuted == 0 ? ClaimStatus.Supported : null),
        new("Refuted if refuted at more than half of the steps.",
            c => c.Majority(c.Refuted) ? ClaimStatus.Refuted : null),
        new("Parity if parity at more than half of the steps and supported or refuted at none.",
            c => c.Majority(c.Parity) && c.Supported == 0 && c.Refuted == 0 ? ClaimStatus.Parity : null),
        new("Otherwise mixed if some step is supported or refuted (the steps disagree; read the per-step statuses).",
            c => c.Supported + c.Refuted > 0 ? ClaimStatus.Mixed : null),
        new("Otherwise inconclusive.",
            _ => ClaimStatus.Inconclusive),
    ];

    /// <summary>How one step's status follows from its comparison row, in order.</summary>
    public static IReadOnlyList<string> StepRules { get; } = StepTable.Select(r => r.Text).ToArray();

    /// <summary>How the overall status follows from the step statuses, in order.</summary>
    public static IReadOnlyList<string> OverallRules { get; } = OverallTable.Select(r => r.Text).ToArray();

    /// <summary>Both rule lists as the methodology note prints them.</summary>
    public static IReadOnlyList<string> Text { get; } =
        [.. StepRules.Select(r => "Per step: " + r), .. OverallRules.Select(r => "Overall: " + r)];

    /// <summary>Status of one step; <paramref name="row"/> is null when the step has no comparison.</summary>
    public static ClaimStep EvaluateStep(int concurrency, ComparisonRow? row)
    {
        var status = StepTable.Select(rule => rule.Apply(row)).First(s => s is not null)!.Value;
        var reason = row is null
            ? "no comparison row for this step"
            : row.IsPublishable
                ? row.Throughput.Explanation
                : "not publishable: " + string.Join("; ", row.Issues.Select(i => i.Message));
        return new ClaimStep(concurrency, status, reason);
    }

    /// <summary>The overall status from step statuses.</summary>
    public static ClaimStatus Combine(IReadOnlyList<ClaimStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        int Count(ClaimStatus status) => steps.Count(s => s.Status == status);
        var counts = new StepCounts(
            steps.Count,
            Count(ClaimStatus.Supported),
            Count(ClaimStatus.Parity),
            Count(ClaimStatus.Refuted),
            Count(ClaimStatus.Inconclusive),
            Count(ClaimStatus.Unverified));
        return OverallTable.Select(rule => rule.Apply(counts)).First(s => s is not null)!.Value;
    }

    /// <summary>
    /// Evaluates a claim over the steps its pair was meant to run (<paramref name="steps"/>, the
    /// ladder), so a step without a row counts as missing rather than silently disappearing.
    /// </summary>
    public static ClaimResult Evaluate(ClaimTarget target, IReadOnlyList<int> steps, IReadOnlyList<ComparisonRow> rows)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(rows);
        var byStep = new Dictionary<int, ComparisonRow>();
        foreach (var row in rows.Where(r => r.Pair == target.Pair && r.Scenario == target.Scenario))
        {
            if (!byStep.TryAdd(row.Concurrency, row))
            {
                throw new ArgumentException($"two comparison rows for {target.Pair}/{target.Scenario} at concurrency {row.Concurrency}");
            }
        }
        var results = steps.Distinct().Order()
            .Select(step => EvaluateStep(step, byStep.GetValueOrDefault(step)))
            .ToArray();
        var status = Combine(results);
        return new ClaimResult(target, status, results, Summarize(status, results));
    }

    private static string Summarize(ClaimStatus status, ClaimStep[] steps)
    {
        // The overall status is shown beside this text everywhere, so the reason is only the steps behind it.
        if (steps.Length == 0)
        {
            return $"{status.Label()}: no steps";
        }
        var groups = steps
            .GroupBy(s => s.Status)
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Key.Label()} at c={string.Join(", ", g.Select(s => s.Concurrency))}");
        return string.Join("; ", groups);
    }
}
