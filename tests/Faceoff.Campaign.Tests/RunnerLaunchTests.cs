using Faceoff.Campaign.Tests.Fakes;
using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Tests;

/// <summary><c>measured.launches</c>: each launch is a fresh server pair, and a cell's passes accumulate over launches.</summary>
public sealed class RunnerLaunchTests
{
    [Fact]
    public async Task Each_launch_starts_a_fresh_server_pair_and_every_pass_carries_its_launch()
    {
        using var harness = new Harness();
        var protocol = TestProtocols.Build(scenarios: ["healthz", "api_status"], ladder: [1, 4], measuredRepeats: 2, measuredLaunches: 3);

        var outcome = await harness.RunAsync(protocol);

        Assert.Equal(CampaignResult.Completed, outcome.Result);
        // Three launches × (candidate + reference), every one stopped by the end.
        Assert.Equal(6, harness.Backend.Servers.Count);
        Assert.All(harness.Backend.Servers, s => Assert.True(s.Stopped));
        Assert.Equal(6, harness.Backend.Servers.Select(s => s.Pid).Distinct().Count());
        Assert.Equal(4, outcome.Cells.Count);
        foreach (var cell in outcome.Cells)
        {
            Assert.Equal(CellStatus.Completed, cell.Status);
            Assert.Equal(3, cell.LaunchesDone);
            foreach (var side in new[] { Side.Candidate, Side.Reference })
            {
                var measured = cell.Measured(side).ToList();
                Assert.Equal([1, 1, 2, 2, 3, 3], measured.Select(p => p.Measurement.Launch));
                Assert.Equal([1, 2, 3, 4, 5, 6], measured.Select(p => p.Repeat));
                var uses = cell.Servers.Where(s => s.Side == side).ToList();
                Assert.Equal([1, 2, 3], uses.Select(u => u.Launch));
                Assert.Equal(3, uses.Select(u => u.Pid).Distinct().Count());
            }
            // Execution order is kept across launches: sequence numbers run on without gaps.
            Assert.Equal(Enumerable.Range(1, cell.Passes.Count), cell.Passes.Select(p => p.Sequence));
        }
        // Every cell's launch-l passes ran on launch l's processes, and launch l+1's processes started after them.
        var launchOfPid = outcome.Cells.SelectMany(c => c.Servers).DistinctBy(u => u.Pid).ToDictionary(u => u.Pid, u => u.Launch);
        Assert.Equal([1, 1, 2, 2, 3, 3], harness.Backend.Servers.Select(s => launchOfPid[s.Pid]));
        Assert.Contains(harness.Observer.Notices, n => n.Message.StartsWith("pair1: launch 2/3: fresh servers", StringComparison.Ordinal));
        // Progress counts cell launches.
        Assert.Equal(12, harness.Observer.Cells.Count);
    }

    [Fact]
    public async Task Resume_continues_each_cell_at_its_first_unfinished_launch()
    {
        using var harness = new Harness();
        using var cancel = new CancellationTokenSource();
        harness.Observer.CancelAfterCells = cancel;
        // Launch 1 of all four cells, then launch 2 of the first one, then the interruption.
        harness.Observer.CancelAfter = 5;
        var protocol = TestProtocols.Build(scenarios: ["healthz", "api_status"], ladder: [1, 4], measuredRepeats: 3, measuredLaunches: 2);
        var first = await harness.RunAsync(protocol, cancellationToken: cancel.Token);
        Assert.Equal(CampaignResult.Interrupted, first.Result);
        var before = first.Cells.ToDictionary(c => c.Key);
        Assert.Equal([1, 1, 1, 2], before.Values.Select(c => c.LaunchesDone).Order());
        var finishedKey = before.Values.Single(c => c.LaunchesDone == 2).Key;
        var serversBefore = harness.Backend.Servers.Count;
        harness.Observer.CancelAfterCells = null;
        harness.Observer.Cells.Clear();
        harness.Observer.Passes.Clear();

        var outcome = await harness.RunAsync(protocol, resume: true);

        Assert.Equal(CampaignResult.Completed, outcome.Result);
        // Only launch 2 of the three unfinished cells ran: one fresh server pair, no launch-1 pass again.
        Assert.Equal(serversBefore + 2, harness.Backend.Servers.Count);
        Assert.Equal(3, harness.Observer.Cells.Count);
        Assert.DoesNotContain(finishedKey, harness.Observer.Cells.Select(c => c.Key));
        Assert.All(harness.Observer.Passes, p => Assert.Equal(2, p.Launch));
        Assert.Contains(harness.Observer.Notices, n => n.Message == "resuming: 5 of 8 cell launches already measured (4 cells × 2 launches)");
        foreach (var cell in outcome.Cells)
        {
            Assert.Equal(2, cell.LaunchesDone);
            var measured = cell.Measured(Side.Candidate).ToList();
            Assert.Equal([1, 1, 1, 2, 2, 2], measured.Select(p => p.Measurement.Launch));
            // The first session's passes are kept as they were, not measured again.
            var earlier = before[cell.Key].Measured(Side.Candidate).Where(p => p.Measurement.Launch == 1).ToList();
            Assert.Equal(earlier.Select(p => p.StartedAt), measured.Take(3).Select(p => p.StartedAt));
        }
    }

    [Fact]
    public async Task A_server_restarted_after_a_crash_still_counts_as_its_launch_and_the_failed_cell_stops_there()
    {
        using var harness = new Harness();
        // Launch 2's candidate (the third process started) crashes on its first pass.
        harness.Backend.Fault = (server, n) => server.Pid == 1002 && n == 1 ? PassFault.Crash : PassFault.None;
        var protocol = TestProtocols.Build(scenarios: ["healthz"], ladder: [1, 4], measuredRepeats: 3, measuredLaunches: 2);

        var outcome = await harness.RunAsync(protocol);

        Assert.Equal(CampaignResult.CompletedWithFailures, outcome.Result);
        var failed = Assert.Single(outcome.Cells, c => c.Status == CellStatus.Failed);
        Assert.Equal(1, failed.LaunchesDone);
        Assert.Equal(3, failed.Measured(Side.Candidate).Count(p => p.Measurement.Launch == 1));
        var completed = Assert.Single(outcome.Cells, c => c.Status == CellStatus.Completed);
        Assert.Equal(2, completed.LaunchesDone);
        var restarted = completed.Servers.Single(s => s.Side == Side.Candidate && s.Launch == 2);
        Assert.Equal(1004, restarted.Pid);
        Assert.Equal(6, completed.Measured(Side.Candidate).Count());
    }

    [Fact]
    public async Task A_protocol_with_one_launch_keeps_one_server_pair_for_the_whole_pair()
    {
        using var harness = new Harness();

        var outcome = await harness.RunAsync(TestProtocols.Build(scenarios: ["healthz", "api_status"], ladder: [1, 4]));

        Assert.Equal(2, harness.Backend.Servers.Count);
        Assert.All(outcome.Cells, c => Assert.All(c.Passes, p => Assert.Equal(1, p.Measurement.Launch)));
        Assert.DoesNotContain(harness.Observer.Notices, n => n.Message.Contains("launch 1/1", StringComparison.Ordinal));
    }
}
