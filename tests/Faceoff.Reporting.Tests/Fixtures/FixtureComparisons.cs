using Faceoff.Reporting.Model;

namespace Faceoff.Reporting.Tests.Fixtures;

/// <summary>Comparison rows and claims for the synthetic campaign, following the statistics library's rules.</summary>
internal static class FixtureComparisons
{
    public static List<ComparisonReport> Compare(ProtocolSnapshot protocol, IEnumerable<ScenarioShape> shapes, List<CellReport> cells, double band)
    {
        var rows = new List<ComparisonReport>();
        foreach (var shape in shapes)
        {
            var pair = protocol.Pairs.Single(p => p.Name == shape.Pair);
            foreach (var step in pair.Ladder)
            {
                var candidate = cells.Single(c => c.Pair == pair.Name && c.Scenario == shape.Scenario && c.Concurrency == step && c.Role == ProfileRole.Candidate);
                var reference = cells.Single(c => c.Pair == pair.Name && c.Scenario == shape.Scenario && c.Concurrency == step && c.Role == ProfileRole.Reference);
                rows.Add(Row(pair.Name, shape, step, candidate, reference, band));
            }
        }

        return rows;
    }

    public static List<ClaimReport> Claims(
        IEnumerable<(string Id, string Pair, string Scenario)> targets, ProtocolSnapshot protocol, List<ComparisonReport> rows) =>
        [.. targets.Select(target =>
        {
            var steps = protocol.Pairs.Single(p => p.Name == target.Pair).Ladder
                .Select(step => rows.Single(r => r.Pair == target.Pair && r.Scenario == target.Scenario && r.Concurrency == step))
                .Select(row => new ClaimStepReport(row.Concurrency, StepStatus(row.Verdict), string.Join("; ", row.Reasons)))
                .ToList();
            var status = Overall(steps);
            var reason = $"{EnumText.Words(status)}: " + string.Join(", ", steps.Select(s => $"c={s.Concurrency} {EnumText.Words(s.Status)}"));
            return new ClaimReport(target.Id, target.Pair, target.Scenario, steps, status, reason);
        })];

    private static ComparisonReport Row(string pair, ScenarioShape shape, int step, CellReport candidate, CellReport reference, double band)
    {
        var c = candidate.Aggregates;
        var r = reference.Aggregates;
        var side = (CellReport cell) => new ComparisonSide(cell.Profile, cell.Aggregates?.Throughput.Median,
            cell.Aggregates?.Latency.P50.Median, cell.Aggregates?.Latency.P95.Median, cell.Aggregates?.Latency.P99.Median);
        if (c is null || r is null)
        {
            var failed = candidate.Status == CellStatus.Failed ? candidate : reference;
            return new ComparisonReport(pair, shape.Scenario, step, side(candidate), side(reference), null, null, null, null, null, null,
                Verdict.NotPublishable, [$"{failed.Key} failed: {failed.Failure!.Reason}"]);
        }

        RatioEstimate Ratio(double value, double widen) => new(value, value * (1 - (shape.CiHalfWidth * widen)), value * (1 + (shape.CiHalfWidth * widen)));
        var throughput = Ratio(c.Throughput.Median / r.Throughput.Median, 1);
        var reasons = new List<string>();
        Verdict verdict;
        if (c.Unstable || r.Unstable)
        {
            verdict = Verdict.NotPublishable;
            reasons.AddRange(c.Issues.Concat(r.Issues).Select(issue => (c.Unstable ? candidate.Key : reference.Key) + ": " + issue));
        }
        else
        {
            verdict = Classify(throughput, band);
            reasons.Add($"throughput ratio {throughput.Ratio:0.000} (95% CI {throughput.CiLow:0.000}–{throughput.CiHigh:0.000}) against the band [{1 - band:0.00}, {1 + band:0.00}]");
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
            reasons);
    }

    private static Verdict Classify(RatioEstimate ratio, double band) =>
        ratio.CiLow >= 1 - band && ratio.CiHigh <= 1 + band ? Verdict.NoSignificantDifference
        : ratio.CiLow > 1 + band ? Verdict.CandidateFaster
        : ratio.CiHigh < 1 - band ? Verdict.CandidateSlower
        : Verdict.Inconclusive;

    private static ClaimStatus StepStatus(Verdict verdict) => verdict switch
    {
        Verdict.CandidateFaster => ClaimStatus.Supported,
        Verdict.CandidateSlower => ClaimStatus.Refuted,
        Verdict.NoSignificantDifference => ClaimStatus.Parity,
        Verdict.Inconclusive => ClaimStatus.Inconclusive,
        _ => ClaimStatus.Unverified,
    };

    private static ClaimStatus Overall(List<ClaimStepReport> steps)
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
