using Faceoff.Campaign.Model;
using Faceoff.Campaign.Tests.Fakes;

using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Tests;

public sealed class RunnerFaultTests
{
    [Fact]
    public async Task A_crash_fails_its_cell_keeps_earlier_passes_and_the_next_cell_gets_a_fresh_server()
    {
        using var harness = new Harness();
        // The first candidate process dies in its third pass (warmup, r1, then r2 of the first cell).
        harness.Backend.Fault = (server, n) => server.Spec.Side == Side.Candidate && server.Pid == 1000 && n == 3 ? PassFault.Crash : PassFault.None;
        var protocol = TestProtocols.Build(scenarios: ["healthz", "api_status"], ladder: [1]);

        var outcome = await harness.RunAsync(protocol);

        Assert.Equal(CampaignResult.CompletedWithFailures, outcome.Result);
        var failed = outcome.Cells.Single(c => c.Scenario == "healthz");
        Assert.Equal(CellStatus.Failed, failed.Status);
        var failure = Assert.Single(failed.Failures);
        Assert.Equal(ServerFailureKind.Crashed, failure.Kind);
        Assert.Equal(Side.Candidate, failure.Side);
        Assert.Equal("SIGKILL", failure.Signal);
        Assert.Equal(["cand warmup 1", "cand r1", "ref warmup 1", "ref r1"], failed.Passes.Select(p => PassLabels.Of(p.Kind, p.Side, p.Repeat)));
        Assert.Equal(CellStatus.Completed, outcome.Cells.Single(c => c.Scenario == "api_status").Status);
        Assert.Equal(2, harness.Backend.Servers.Count(s => s.Spec.Side == Side.Candidate));
        Assert.All(harness.Backend.Servers, s => Assert.True(s.Stopped));
    }

    [Fact]
    public async Task A_server_that_stops_answering_fails_its_cell_and_is_replaced()
    {
        using var harness = new Harness();
        harness.Backend.Fault = (server, n) => server.Spec.Side == Side.Reference && server.Pid == 1001 && n == 2 ? PassFault.Hang : PassFault.None;
        var protocol = TestProtocols.Build(scenarios: ["healthz"], ladder: [1, 2]);

        var outcome = await harness.RunAsync(protocol);

        Assert.Equal(CampaignResult.CompletedWithFailures, outcome.Result);
        Assert.Equal(ServerFailureKind.Unresponsive, Assert.Single(outcome.Cells[0].Failures).Kind);
        Assert.Equal(CellStatus.Completed, outcome.Cells[1].Status);
        Assert.Equal(2, harness.Backend.Servers.Count(s => s.Spec.Side == Side.Reference));
    }

    [Fact]
    public async Task A_server_that_cannot_start_fails_all_its_cells_and_the_next_pair_still_runs()
    {
        using var harness = new Harness();
        harness.Backend.Unstartable.Add("ref1");
        var protocol = TestProtocols.Build(pairs: 2, scenarios: ["healthz"], ladder: [1, 2]);

        var outcome = await harness.RunAsync(protocol);

        Assert.Equal(CampaignResult.CompletedWithFailures, outcome.Result);
        var pair1 = outcome.Cells.Where(c => c.Pair == "pair1").ToList();
        Assert.Equal(2, pair1.Count);
        Assert.All(pair1, c =>
        {
            Assert.Equal(CellStatus.Failed, c.Status);
            Assert.Empty(c.Passes);
            Assert.Equal(ServerFailureKind.StartFailed, Assert.Single(c.Failures).Kind);
        });
        Assert.All(outcome.Cells.Where(c => c.Pair == "pair2"), c => Assert.Equal(CellStatus.Completed, c.Status));
        Assert.All(harness.Backend.Servers, s => Assert.True(s.Stopped));
    }

    [Fact]
    public async Task A_failed_parity_gate_stops_before_any_timing()
    {
        using var harness = new Harness();
        harness.Backend.ParityPasses = false;

        var outcome = await harness.RunAsync(TestProtocols.Build());

        Assert.Equal(CampaignResult.ParityFailed, outcome.Result);
        Assert.Contains("status 500", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("parity_report.json", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Backend.PassCount);
        Assert.Empty(harness.Backend.Servers);
    }

    [Fact]
    public async Task A_skipped_parity_gate_is_announced_and_recorded()
    {
        using var harness = new Harness();

        var outcome = await harness.RunAsync(TestProtocols.Build(ladder: [1]), skipParity: "FACEOFF_SKIP_PARITY=1");

        Assert.Equal(CampaignResult.Completed, outcome.Result);
        Assert.Equal(0, harness.Backend.ParityRuns);
        Assert.Contains(harness.Observer.Notices, n => n.Level == Execution.NoticeLevel.Warning && n.Message.Contains("FACEOFF_SKIP_PARITY=1", StringComparison.Ordinal));
        var state = Storage.CampaignJson.Deserialize<RunState>(File.ReadAllText(Path.Combine(outcome.RunDirectory!, Storage.RunStore.StateFileName)))!;
        Assert.Equal(ParityStatus.Skipped, state.Parity);
    }

    [Theory]
    [InlineData(2, 1, true)]
    [InlineData(3, 1, false)]
    [InlineData(1, 2, true)]
    [InlineData(1, 3, false)]
    public async Task Too_few_measured_passes_for_any_verdict_are_announced_before_the_load(int repeats, int launches, bool warned)
    {
        using var harness = new Harness();

        var outcome = await harness.RunAsync(TestProtocols.Build(ladder: [1], measuredRepeats: repeats, measuredLaunches: launches));

        Assert.Equal(CampaignResult.Completed, outcome.Result);
        Assert.Equal(warned, harness.Observer.Notices.Any(n =>
            n.Level == Execution.NoticeLevel.Warning
            && n.Message == $"measured repeats {repeats} × launches {launches}: a comparison needs at least 3 passes per side, "
            + "so every row will be inconclusive and no claim can be supported or refuted"));
    }
}
