using Faceoff.Campaign.Model;

using Faceoff.Reporting.Model;
using Faceoff.Testing;

namespace Faceoff.Campaign.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class FaultRunTests : IDisposable
{
    private static readonly int[] CrashPorts = [3471, 3481];
    private static readonly int[] InterruptPorts = [3472, 3482];
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);

    private readonly string _output = Directory.CreateTempSubdirectory("faceoff-e2e-faults-").FullName;

    [Fact]
    public async Task A_server_crash_fails_its_cell_and_the_campaign_continues_on_a_restarted_server()
    {
        using var cli = CliProcess.Start(Repo.Root, "run", Repo.TestProtocol("crash.json"), "--skip-parity", "--output-dir", _output, "--run-id", "crash");

        var exit = await cli.ExitCodeAsync(RunLimit);

        Assert.True(exit == 1, $"exit {exit}\n{cli.Output}");
        var run = new RunDirectory(Path.Combine(_output, "runs", "crash"));
        var cells = run.Cells.ToDictionary(c => c.Concurrency);
        Assert.Equal(CellStatus.Completed, cells[1].Status);
        Assert.Equal(CellStatus.Completed, cells[4].Status);
        var failure = Assert.Single(cells[2].Failures);
        Assert.Equal((Side.Reference, ServerFailureKind.Crashed), (failure.Side, failure.Kind));
        Assert.True(failure.Signal is not null || failure.ExitCode is not null, failure.Message);
        Assert.Contains("FACEOFF_APP_CRASH_AFTER", failure.LogTail, StringComparison.Ordinal);
        Assert.NotEqual(cells[2].ServerOf(Side.Reference)!.Pid, cells[4].ServerOf(Side.Reference)!.Pid);

        var report = run.Report;
        Assert.Equal(Reporting.Model.RunStatus.Partial, report.Status);
        Assert.Equal(Statistics.Claims.ClaimStatus.Unverified, Assert.Single(report.Claims).Status);
        Assert.Contains(report.Sides, c => c.Concurrency == 2 && c.Failure is { Reason: var reason } && reason.Contains("crashed", StringComparison.Ordinal));
        Assert.Empty(await Orphans.AfterSettlingAsync(TimeSpan.FromSeconds(15), CrashPorts));
    }

    [Fact]
    public async Task A_killed_run_leaves_no_server_behind_and_resumes_without_redoing_finished_cells()
    {
        string[] args = ["run", Repo.TestProtocol("interrupt.json"), "--skip-parity", "--output-dir", _output];
        var run = new RunDirectory(Path.Combine(_output, "runs", "killed"));
        using (var first = CliProcess.Start(Repo.Root, [.. args, "--run-id", "killed"]))
        {
            await WaitForFirstCellAsync(run, first);
            first.Signal(Sigkill);
            await first.ExitCodeAsync(RunLimit);
        }
        Assert.Empty(await Orphans.AfterSettlingAsync(TimeSpan.FromSeconds(15), InterruptPorts));
        var before = run.Cells.ToDictionary(c => c.Key, c => c.StartedAt);
        Assert.InRange(before.Count, 1, 3);

        using var resumed = CliProcess.Start(Repo.Root, [.. args, "--resume", "killed"]);
        var exit = await resumed.ExitCodeAsync(RunLimit);

        Assert.True(exit == 0, $"exit {exit}\n{resumed.Output}");
        var after = run.Cells;
        Assert.Equal([1, 2, 4, 8], after.Select(c => c.Concurrency).Order());
        Assert.All(before, kv => Assert.Equal(kv.Value, after.Single(c => c.Key == kv.Key).StartedAt));
        Assert.Equal(2, run.State.Sessions.Count);
        Assert.Equal(Reporting.Model.RunStatus.Complete, run.Report.Status);
        Assert.Empty(await Orphans.AfterSettlingAsync(TimeSpan.FromSeconds(15), InterruptPorts));
    }

    [Fact]
    public async Task Sigterm_stops_the_run_promptly_with_a_consistent_partial_report()
    {
        var run = new RunDirectory(Path.Combine(_output, "runs", "stopped"));
        using var cli = CliProcess.Start(Repo.Root, "run", Repo.TestProtocol("interrupt.json"), "--skip-parity", "--output-dir", _output, "--run-id", "stopped");
        await WaitForFirstCellAsync(run, cli);

        cli.Signal(Sigterm);
        var exit = await cli.ExitCodeAsync(RunLimit);

        Assert.True(exit == 130, $"exit {exit}\n{cli.Output}");
        Assert.Equal(RunJournalStatus.Interrupted, run.State.Status);
        Assert.Equal(Reporting.Model.RunStatus.Interrupted, run.Report.Status);
        Assert.Empty(Reporting.Artifacts.BundleVerifier.Verify(run.Path));
        Assert.False(File.Exists(Path.Combine(_output, Reporting.PublicationFiles.LatestReport)), "an interrupted run must not move the latest pointers");
        Assert.Empty(await Orphans.AfterSettlingAsync(TimeSpan.FromSeconds(15), InterruptPorts));
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private const int Sigkill = 9;
    private const int Sigterm = 15;

    private static async Task WaitForFirstCellAsync(RunDirectory run, CliProcess cli)
    {
        var deadline = DateTime.UtcNow + RunLimit;
        while (!File.Exists(run.File("cells/pair/healthz/c0001.json")))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no finished cell in time\n{cli.Output}");
            await Task.Delay(100);
        }
    }
}
