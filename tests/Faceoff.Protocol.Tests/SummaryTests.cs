using Faceoff.Protocol.Model;
using Faceoff.Protocol.Overrides;
using Faceoff.Protocol.Summary;

namespace Faceoff.Protocol.Tests;

public sealed class SummaryTests
{
    [Fact]
    public void Estimate_follows_the_documented_formula()
    {
        var protocol = Load(
            "\"concurrency_ladder\": [1, 4], \"measured\": { \"duration_seconds\": 2, \"repeats\": 3 },"
            + " \"warmup\": { \"duration_seconds\": 1, \"repeats\": 2, \"until_stable\": { \"window_seconds\": 3, \"max_seconds\": 20 } },");

        var estimate = CampaignEstimate.For(protocol);

        // 1 pair × 2 profiles × 1 shared scenario × 2 steps = 4 cells; the pair's 2 servers start once (3 s each)
        // and warm up until stable once each (3 s window typical, 20 s cap).
        // Each cell: 2 × 1 s fixed warmup + 3 × 2 s measured = 8 s.
        Assert.Equal((4, 2), (estimate.Cells, estimate.ServerStarts));
        Assert.Equal(TimeSpan.FromSeconds((2 * 3) + (2 * 3) + (4 * 8)), estimate.Typical);
        Assert.Equal(TimeSpan.FromSeconds((2 * 3) + (2 * 20) + (4 * 8)), estimate.Longest);
    }

    [Fact]
    public void Request_count_plans_are_estimated_at_the_nominal_rate()
    {
        var protocol = Load(
            "\"concurrency_ladder\": [8], \"measured\": { \"requests\": 4000, \"repeats\": 3 }, \"warmup\": { \"requests\": 2000 },");

        var estimate = CampaignEstimate.For(protocol);

        // 2 cells of 2000 / 2000 + 3 × 4000 / 2000 = 7 s, 2 starts of 3 s.
        Assert.Equal(TimeSpan.FromSeconds((2 * 3) + (2 * 7)), estimate.Typical);
        Assert.Equal(estimate.Typical, estimate.Longest);
    }

    [Fact]
    public void Summary_shows_pairs_claims_plans_and_where_overridden_values_came_from()
    {
        var inputs = new OverrideInputs(new Dictionary<string, string> { ["ARLEN_PHASED_MEASURED_REPEATS"] = "5" }, new Dictionary<Knob, string>());
        var summary = ProtocolSummary.For(TestFiles.Load(TestFiles.SeedV1Protocol, inputs).Protocol!);

        var tables = summary.Tables.ToDictionary(table => table.Title);
        Assert.Contains("schema v1, mapped to v2 onto " + TestFiles.DefaultProtocol, tables["Campaign"].Rows[1][1], StringComparison.Ordinal);
        Assert.Equal(
            ["middleware_heavy", "middleware_heavy (aspnet)", "fastapi_middleware_heavy (fastapi)", "3302 / 3312", "1,4 (pair's own)", "healthz, api_status_middleware, api_echo, root"],
            tables["Pairs"].Rows[1].ToArray());
        Assert.Equal(["C03", "middleware_heavy", "api_echo"], tables["Claim targets"].Rows[2].ToArray());
        Assert.Equal(["measured", "120 requests × 5 repeats on each of 1 launch (5 passes per side per cell); one launch: intervals cannot cover launch-to-launch variance"], tables["Plan"].Rows[1].ToArray());
        Assert.Equal(["measured.repeats", "5", "environment ARLEN_PHASED_MEASURED_REPEATS"], tables["Settings not from the file"].Rows.Single().ToArray());
        // 46 cells × (30 + 5 × 120 requests) / 2000 req/s + 4 starts × 3 s = 26.5 s.
        Assert.StartsWith("about 27s; 46 timed cells, 4 server starts (1 launch)", summary.EstimateText, StringComparison.Ordinal);
    }

    [Fact]
    public void Warmup_until_stable_is_described()
    {
        var plan = new WarmupPlan(new PassPlan(null, 1, 1), new StabilityRule(3, 0.05, 25));

        Assert.Equal("1 s × 1, then until stable (CV ≤ 0.05 over 3 s of 1 s passes, at most 25 s)", ProtocolSummary.Describe(plan));
    }

    private static CampaignProtocol Load(string fields)
    {
        var result = TestFiles.LoadText(MiniProtocol.WithField(fields));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Protocol!;
    }
}
