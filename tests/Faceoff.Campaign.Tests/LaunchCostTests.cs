using Faceoff.Campaign.Publishing;
using Faceoff.Campaign.Tests.Fakes;
using Faceoff.Protocol.Model;

namespace Faceoff.Campaign.Tests;

public sealed class LaunchCostTests
{
    [Fact]
    public async Task A_launch_costs_its_warmups_shared_over_the_cells_it_served_in_repeats_of_both_sides()
    {
        using var harness = new Harness();
        // 2 scenarios × 2 steps on 2 launches; the fake answers at a steady rate, so each until-stable warmup
        // stops after its 2-pass window: 2 s per scenario, side and launch.
        var protocol = TestProtocols.Build(scenarios: ["healthz", "api_status"], ladder: [1, 4], measuredRepeats: 2,
            measuredLaunches: 2, untilStable: new StabilityRule(2, 0.05, 10));

        var outcome = await harness.RunAsync(protocol);

        var warmups = outcome.Cells.SelectMany(c => c.Servers).Where(s => s.Warmup is not null)
            .Select(s => (s.Pid, s.Side, s.Warmup!.Scenario, s.Warmup.Seconds)).Distinct().ToList();
        Assert.Equal(8, warmups.Count);
        Assert.All(warmups, w => Assert.Equal(2, w.Seconds));
        // Per cell and launch: 16 s of stable warmup ÷ 8 cell-launches = 2 s, plus 2 × 0.5 s fixed warmup = 3 s,
        // against 2 × 1 s for one repeat of both sides.
        Assert.Equal(1.5, LaunchCost.InRepeats(outcome.Cells)!.Value, 9);
    }

    [Fact]
    public void A_run_with_no_cells_has_no_launch_cost() => Assert.Null(LaunchCost.InRepeats([]));
}
