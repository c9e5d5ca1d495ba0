using Faceoff.Reporting.Model;
using Faceoff.Statistics;
using Faceoff.Statistics.Claims;

namespace Faceoff.Reporting.Tests.Fixtures;

/// <summary>Comparison rows and claims for the synthetic campaign, following the statistics library's rules.</summary>
internal static class FixtureComparisons
{
    public static List<ComparisonReport> Compare(ProtocolSnapshot protocol, IEnumerable<ScenarioShape> shapes, List<SideReport> cells, double band)
    {
        var rows = new List<ComparisonReport>();
        foreach (var shape in shapes)
        {
            var pair = protocol.Pairs.Single(p => p.Name == shape.Pair);
            foreach (var step in pair.Ladder)
            {
                var candidate = cells.Single(c => c.Pair == pair.Name && c.Scenario == shape.Scenario && c.Concurrency == step && c.Role == Side.Candidate);
                var reference = cells.Single(c => c.Pair == pair.Name && c.Scenario == shape.Scenario && c.Concurrency == step && c.Role == Side.Reference);
                rows.Add(Row(pair.Name, shape, step, candidate, reference, band));
            }
        }

        return rows;
    }

    public static List<ClaimResult> Claims(
        IEnumerable<(string Id, string Pair, string Scenario)> targets, ProtocolSnapshot protocol, List<ComparisonReport> rows) =>
        [.. targets.Select(target =>
        {
            var steps = protocol.Pairs.Single(p => p.Name == target.Pair).Ladder
                .Select(step => rows.Single(r => r.Pair == target.Pair && r.Scenario == target.Scenario && r.Concurrency == step))
                .Select(row => new ClaimStep(row.Concurrency, StepStatus(row.Verdict), string.Join("; ", row.Reasons)))
                .ToList();
            var status = Overall(steps);
            var reason = $"{EnumText.Words(status)}: " + string.Join(", ", steps.Select(s => $"c={s.Concurrency} {EnumText.Words(s.Status)}"));
            return new ClaimResult(new ClaimTarget(target.Id, target.Pair, target.Scenario), status, steps, reason);
        })];

    private static ComparisonReport Row(string pair, ScenarioShape shape, int step, SideReport candidate, SideReport reference, double band)
    {
        var c = candidate.Statistics;
        var r = reference.Statistics;
        var side = (SideReport cell) => new ComparisonSide(cell.Profile, cell.Statistics.Throughput?.Median,
            cell.Statistics.Latency?.P50.Median, cell.Statistics.Latency?.P95.Median, cell.Statistics.Latency?.P99.Median);
        if (c.Throughput is null || r.Throughput is null || c.Latency is null || r.Latency is null)
        {
            var failed = candidate.Status == CellStatus.Failed ? candidate : reference;
            return new ComparisonReport(pair, shape.Scenario, step, side(candidate), side(reference), null, null, null, null, null, null,
                Verdict.NotPublishable, [$"{failed.Key} failed: {failed.Failure!.Reason}"]);
        }

        Interval Ratio(double value, double widen) => new(value * (1 - (shape.CiHalfWidth * widen)), value, value * (1 + (shape.CiHalfWidth * widen)));
        var throughput = Ratio(c.Throughput.Median / r.Throughput.Median, 1);
        var reasons = new List<string>();
        Verdict verdict;
        if (c.IsUnstable || r.IsUnstable)
        {
            verdict = Verdict.NotPublishable;
            reasons.AddRange(c.Issues.Concat(r.Issues).Select(issue => (c.IsUnstable ? candidate.Key : reference.Key) + ": " + issue.Message));
        }
        else
        {
            verdict = Classify(throughput, band);
            reasons.Add($"throughput ratio {throughput.Point:0.000} (95% CI {throughput.Lower:0.000}–{throughput.Upper:0.000}) against the band [{1 - band:0.00}, {1 + band:0.00}]");
        }

        return new ComparisonReport(
            pair, shape.Scenario, step, side(candidate), side(reference),
            throughput,
            Ratio(c.Latency.P50.Median / r.Latency.P50.Median, 1.5),
            Ratio(c.Latency.P95.Median / r.Latency.P95.Median, 1.5),
            Ratio(c.Latency.P99.Median / r.Latency.P99.Median, 2),
            ((c.Throughput.Median / r.Throughput.Median) - 1) * 100,
            ((r.Latency.P50.Median / c.Latency.P50.Median) - 1) * 100,
            verdict,
            reasons)
        {
            // One launch per side, as a campaign without measured.launches runs: the interval cannot cover launch variance.
            Launch = new LaunchFacts(
                false,
                new LaunchSideFacts(1, c.RepeatCount, shape.CiHalfWidth * shape.CiHalfWidth, null),
                new LaunchSideFacts(1, r.RepeatCount, shape.CiHalfWidth * shape.CiHalfWidth / 2, null),
                null,
                null,
                0.05,
                "one launch: the between-launch variance is unknown"),
        };
    }

    private static Verdict Classify(Interval ratio, double band) =>
        ratio.Lower >= 1 - band && ratio.Upper <= 1 + band ? Verdict.NoSignificantDifference
        : ratio.Lower > 1 + band ? Verdict.CandidateFaster
        : ratio.Upper < 1 - band ? Verdict.CandidateSlower
        : Verdict.Inconclusive;

    private static ClaimStatus StepStatus(Verdict verdict) => verdict switch
    {
        Verdict.CandidateFaster => ClaimStatus.Supported,
        Verdict.CandidateSlower => ClaimStatus.Refuted,
        Verdict.NoSignificantDifference => ClaimStatus.Parity,
        Verdict.Inconclusive => ClaimStatus.Inconclusive,
        _ => ClaimStatus.Unverified,
    };

    private static ClaimStatus Overall(List<ClaimStep> steps)
    {
        int Count(ClaimStatus s) => steps.Count(step => step.Status == s);
        bool Majority(ClaimStatus s) => Count(s) * 2 > steps.Count;
        return true switch
        {
            _ when Count(ClaimStatus.Unverified) > 0 => ClaimStatus.Unverified,
            _ when Majority(ClaimStatus.Supported) && Count(ClaimStatus.Refuted) == 0 => ClaimStatus.Supported,
            _ when Majority(ClaimStatus.Refuted) => ClaimStatus.Refuted,
            _ when Majority(ClaimStatus.Parity) && Count(ClaimStatus.Supported) + Count(ClaimStatus.Refuted) == 0 => ClaimStatus.Parity,
            _ when Count(ClaimStatus.Supported) + Count(ClaimStatus.Refuted) > 0 => ClaimStatus.Mixed,
            _ => ClaimStatus.Inconclusive,
        };
    }
}
