using Faceoff.Campaign.Model;
using Faceoff.Campaign.Storage;
using Faceoff.Campaign.Tests.Fakes;

namespace Faceoff.Campaign.Tests;

public sealed class RunnerResumeTests
{
    [Fact]
    public async Task Cancellation_stops_servers_keeps_finished_cells_and_publishes_a_partial_report()
    {
        using var harness = new Harness();
        using var cancel = new CancellationTokenSource();
        harness.Observer.CancelAfterCells = cancel;
        harness.Observer.CancelAfter = 2;
        var protocol = TestProtocols.Build(scenarios: ["healthz", "api_status"], ladder: [1, 2]);

        var outcome = await harness.RunAsync(protocol, cancellationToken: cancel.Token);

        Assert.Equal(CampaignResult.Interrupted, outcome.Result);
        Assert.Equal(2, outcome.Cells.Count);
        Assert.All(harness.Backend.Servers, s => Assert.True(s.Stopped));
        var publish = Assert.Single(harness.Publisher.Inputs);
        Assert.False(publish.UpdateLatest);
        Assert.Equal(RunJournalStatus.Interrupted, publish.Store.State.Status);
    }

    [Fact]
    public async Task Resume_runs_only_the_cells_that_are_missing_and_reuses_the_parity_result()
    {
        using var harness = new Harness();
        using var cancel = new CancellationTokenSource();
        harness.Observer.CancelAfterCells = cancel;
        harness.Observer.CancelAfter = 3;
        var protocol = TestProtocols.Build(pairs: 2, scenarios: ["healthz", "api_status"], ladder: [1, 2]);
        await harness.RunAsync(protocol, cancellationToken: cancel.Token);
        var firstSession = harness.Observer.Cells.Select(c => c.Key).ToList();
        harness.Observer.Cells.Clear();
        harness.Observer.CancelAfterCells = null;

        var outcome = await harness.RunAsync(protocol, resume: true);

        Assert.Equal(CampaignResult.Completed, outcome.Result);
        var secondSession = harness.Observer.Cells.Select(c => c.Key).ToList();
        Assert.Empty(firstSession.Intersect(secondSession));
        Assert.Equal(8, outcome.Cells.Count);
        Assert.Equal(8, firstSession.Count + secondSession.Count);
        Assert.Equal(1, harness.Backend.ParityRuns);
        Assert.Equal(2, harness.Publisher.Inputs[^1].Store.State.Sessions.Count);
    }

    [Fact]
    public async Task Resume_runs_failed_cells_again()
    {
        using var harness = new Harness();
        harness.Backend.Fault = (server, n) => server.Pid == 1000 && n == 2 ? PassFault.Crash : PassFault.None;
        var protocol = TestProtocols.Build(scenarios: ["healthz"], ladder: [1, 2]);
        var first = await harness.RunAsync(protocol);
        Assert.Equal(CampaignResult.CompletedWithFailures, first.Result);
        harness.Observer.Cells.Clear();

        var outcome = await harness.RunAsync(protocol, resume: true);

        Assert.Equal(CampaignResult.Completed, outcome.Result);
        Assert.Equal(new CellKey("pair1", "healthz", 1), Assert.Single(harness.Observer.Cells).Key);
    }

    [Fact]
    public async Task Resume_refuses_a_different_protocol()
    {
        using var harness = new Harness();
        await harness.RunAsync(TestProtocols.Build(ladder: [1]));

        var outcome = await harness.RunAsync(TestProtocols.Build(ladder: [1], measuredRepeats: 5), resume: true);

        Assert.Equal(CampaignResult.Refused, outcome.Result);
        Assert.Contains("different protocol", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_run_refuses_an_existing_run_id()
    {
        using var harness = new Harness();
        await harness.RunAsync(TestProtocols.Build(ladder: [1]));

        var outcome = await harness.RunAsync(TestProtocols.Build(ladder: [1]));

        Assert.Equal(CampaignResult.Refused, outcome.Result);
        Assert.Contains("--resume", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_protocol_hash_ignores_where_the_file_lives_but_not_what_it_says()
    {
        var settings = new Dictionary<string, string>();
        var protocol = TestProtocols.Build();

        var moved = ResolvedProtocol.Hash(protocol with { SourcePath = "/elsewhere/p.json" }, settings);
        var changed = ResolvedProtocol.Hash(protocol with { ConcurrencyLadder = [1, 2, 3] }, settings);
        var pinned = ResolvedProtocol.Hash(protocol, new Dictionary<string, string> { ["pin_servers"] = "0" });

        Assert.Equal(ResolvedProtocol.Hash(protocol, settings), moved);
        Assert.NotEqual(moved, changed);
        Assert.NotEqual(moved, pinned);
    }
}
