using Faceoff.Campaign.Model;
using Faceoff.Campaign.Tests.Fakes;

using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Tests;

public sealed class RunnerOrderingTests
{
    [Fact]
    public async Task Measured_repeats_alternate_sides_and_each_sides_warmup_comes_right_before_its_first_repeat()
    {
        using var harness = new Harness();
        var protocol = TestProtocols.Build(scenarios: ["healthz"], ladder: [8], measuredRepeats: 3);

        var outcome = await harness.RunAsync(protocol);

        Assert.Equal(CampaignResult.Completed, outcome.Result);
        var cell = Assert.Single(outcome.Cells);
        Assert.Equal(
            ["cand warmup 1", "cand r1", "ref warmup 1", "ref r1", "cand r2", "ref r2", "cand r3", "ref r3"],
            cell.Passes.Select(p => PassLabels.Of(p.Kind, p.Side, p.Repeat)));
        Assert.Equal(Enumerable.Range(1, 8), cell.Passes.Select(p => p.Sequence));
    }

    [Fact]
    public async Task Cells_run_step_by_step_with_every_scenario_on_the_same_two_servers()
    {
        using var harness = new Harness();
        var protocol = TestProtocols.Build(scenarios: ["healthz", "api_status"], ladder: [1, 4]);

        var outcome = await harness.RunAsync(protocol);

        Assert.Equal(
            ["pair1 c=1 healthz", "pair1 c=1 api_status", "pair1 c=4 healthz", "pair1 c=4 api_status"],
            harness.Observer.Cells.Select(c => c.Key.ToString()));
        Assert.Equal(2, harness.Backend.Servers.Count);
        Assert.All(harness.Backend.Servers, s => Assert.True(s.Stopped));
        Assert.All(outcome.Cells, c => Assert.Equal(CellStatus.Completed, c.Status));
    }

    [Fact]
    public async Task Measured_passes_keep_server_resources_and_their_result_and_histogram_files()
    {
        using var harness = new Harness();
        var protocol = TestProtocols.Build(scenarios: ["healthz"], ladder: [2], measuredRepeats: 2);

        var outcome = await harness.RunAsync(protocol);

        var cell = Assert.Single(outcome.Cells);
        var measured = cell.Measured(Side.Candidate).Concat(cell.Measured(Side.Reference)).ToList();
        Assert.Equal(4, measured.Count);
        Assert.All(measured, p =>
        {
            Assert.NotNull(p.Measurement.Server);
            Assert.StartsWith("{\"rps\"", File.ReadAllText(Path.Combine(outcome.RunDirectory!, p.LoadResultPath!)), StringComparison.Ordinal);
            Assert.StartsWith("Tag=latency", File.ReadAllText(Path.Combine(outcome.RunDirectory!, p.HistogramLogPath!)), StringComparison.Ordinal);
        });
        Assert.Equal(4, measured.Select(p => p.LoadResultPath).Distinct().Count());
        Assert.All(cell.Passes.Where(p => p.Kind == PassKind.Warmup), p => Assert.Null(p.Measurement.Server));
    }

    [Fact]
    public async Task Until_stable_warmup_runs_once_per_server_start_and_records_when_it_settled()
    {
        using var harness = new Harness();
        double[] ramp = [100, 400, 800, 1000, 1010, 1005];
        harness.Backend.Throughput = (_, n) => n <= ramp.Length ? ramp[n - 1] : 1000;
        var protocol = TestProtocols.Build(scenarios: ["healthz"], ladder: [1, 2], untilStable: new(3, 0.05, 30));

        var outcome = await harness.RunAsync(protocol);

        Assert.Equal(CampaignResult.Completed, outcome.Result);
        Assert.Equal(2, harness.Backend.Servers.Count);
        Assert.All(outcome.Cells.SelectMany(c => c.Servers), server =>
        {
            var warmup = server.Warmup!;
            Assert.True(warmup.Stabilised);
            Assert.Equal(ramp, warmup.Throughputs);
            Assert.Equal(6, warmup.Seconds, 3);
        });
    }

    [Fact]
    public async Task Every_scenario_is_warmed_on_each_server_process_before_its_first_cell()
    {
        using var harness = new Harness();
        var protocol = TestProtocols.Build(scenarios: ["healthz", "api_status"], ladder: [1, 2], untilStable: new(3, 0.05, 30));

        var outcome = await harness.RunAsync(protocol);

        Assert.Equal(CampaignResult.Completed, outcome.Result);
        Assert.Equal(2, harness.Backend.Servers.Count);
        foreach (var scenario in new[] { "healthz", "api_status" })
        {
            var first = outcome.Cells.Single(c => c.Scenario == scenario && c.Concurrency == 1);
            Assert.All(first.Servers, server => Assert.Equal((scenario, 1), (server.Warmup!.Scenario, server.Warmup.Concurrency)));
        }
        // One warmup per scenario and side on the one process each side had: four in all, none at step 2.
        var warmups = outcome.Cells.SelectMany(c => c.Servers).Select(s => (s.Side, s.Warmup!.Scenario, s.Warmup.Concurrency)).Distinct().ToList();
        Assert.Equal(4, warmups.Count);
        Assert.All(warmups, w => Assert.Equal(1, w.Concurrency));
    }

    [Fact]
    public async Task Until_stable_warmup_gives_up_at_its_bound_and_says_so()
    {
        using var harness = new Harness();
        harness.Backend.Throughput = (_, n) => n % 2 == 0 ? 500 : 1000;
        var protocol = TestProtocols.Build(scenarios: ["healthz"], ladder: [1], untilStable: new(3, 0.05, 5));

        var outcome = await harness.RunAsync(protocol);

        var warmup = outcome.Cells[0].Servers[0].Warmup!;
        Assert.False(warmup.Stabilised);
        Assert.Equal(5, warmup.Throughputs.Count);
        Assert.Contains(harness.Observer.Notices, n => n.Message.Contains("not stable", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new double[] { 100, 100, 100 }, 3, 0.0)]
    [InlineData(new double[] { 1, 100, 100, 100 }, 3, 0.0)]
    [InlineData(new double[] { 90, 100, 110 }, 3, 0.1)]
    public void Window_cv_looks_only_at_the_last_window(double[] values, int window, double expected) =>
        Assert.Equal(expected, Execution.StabilityWarmup.WindowCv(values, window)!.Value, 6);

    [Fact]
    public void Window_cv_is_unknown_until_the_window_is_full() =>
        Assert.Null(Execution.StabilityWarmup.WindowCv([100, 100], 3));
}
