using Faceoff.Campaign.Execution;
using Faceoff.Campaign.Model;
using Faceoff.Campaign.Publishing;
using Faceoff.Campaign.Storage;
using Faceoff.Campaign.Tests.Fakes;
using Faceoff.Reporting;
using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Tests;

/// <summary>
/// The machine-speed check before every cell: a slowed machine is waited out (bounded), and every check and wait is
/// on record in the run journal and the report's notes.
/// </summary>
public sealed class QuietMachineTests
{
    [Fact]
    public async Task A_quiet_machine_is_checked_before_every_cell_launch_and_never_waited_for()
    {
        using var harness = new Harness { RealPublisher = new CampaignPublisher() };
        harness.Backend.Speed = new FakeMachine(harness.Clock, 1.0);
        var protocol = TestProtocols.Build(scenarios: ["healthz"], ladder: [1, 4], measuredRepeats: 2, measuredLaunches: 2);

        var outcome = await harness.RunAsync(protocol);

        Assert.Equal(CampaignResult.Completed, outcome.Result);
        var journal = Journal(harness).Machine!;
        Assert.Equal(4, journal.Checks);
        Assert.Equal(4, harness.Backend.Speed.Readings);
        Assert.Empty(journal.Slow);
        Assert.Equal(2.5, journal.BaselineMilliseconds);
        Assert.Contains(Notes(outcome), n => n.StartsWith("Machine speed: checked before each of 4 cell launch(es) against the fastest probe of the run (2.5 ms)", StringComparison.Ordinal) && n.Contains("never fell below 75%", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slowed_machine_is_waited_for_before_the_cell_and_the_wait_is_recorded()
    {
        using var harness = new Harness { RealPublisher = new CampaignPublisher() };
        // First cell: quiet. Second: 45%, then 60%, then back to 95%.
        harness.Backend.Speed = new FakeMachine(harness.Clock, 1.0, 0.45, 0.6, 0.95, 1.0);
        var protocol = TestProtocols.Build(scenarios: ["healthz"], ladder: [1, 4], measuredRepeats: 2);

        var outcome = await harness.RunAsync(protocol);

        Assert.Equal(CampaignResult.Completed, outcome.Result);
        var slow = Assert.Single(Journal(harness).Machine!.Slow);
        Assert.Equal("pair1 c=4 healthz", slow.Where);
        Assert.Equal((0.45, 0.95, true), (slow.Slowest, slow.Final, slow.Recovered));
        Assert.Equal(2, slow.WaitedSeconds);
        Assert.Contains(harness.Observer.Notices, n => n.Level == NoticeLevel.Warning && n.Message.Contains("45% of its calibrated speed before pair1 c=4 healthz", StringComparison.Ordinal));
        // The cell ran after the wait, not before: its passes start after the clock moved past the slow readings.
        var cell = outcome.Cells.Single(c => c.Concurrency == 4);
        Assert.True(cell.Passes[0].StartedAt >= slow.At);
        Assert.Contains(Notes(outcome), n => n.StartsWith("Slowed machine before pair1 c=4 healthz", StringComparison.Ordinal) && n.Contains("waited 2 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_machine_that_stays_slow_is_measured_after_the_bounded_wait_and_says_so()
    {
        var clock = new ManualClock();
        var output = Directory.CreateTempSubdirectory("faceoff-quiet-").FullName;
        try
        {
            var store = RunStore.Create(output, "r1", "p", "h", new RunFlags(false, null, null, false), clock.GetUtcNow()).Store!;
            var backend = new FakeBackend(clock) { Speed = new FakeMachine(clock, 0.5) };
            var observer = new RecordingObserver();
            var context = new RunContext(TestProtocols.Build(), backend, observer, store, clock);
            var quiet = new QuietMachine(context, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(5));

            await quiet.CheckAsync("pair1 c=1 healthz", CancellationToken.None);

            var slow = Assert.Single(store.State.Machine!.Slow);
            Assert.False(slow.Recovered);
            Assert.Equal(0.5, slow.Final);
            Assert.Equal(5, slow.WaitedSeconds);
            Assert.Equal(6, backend.Speed.Readings);
            Assert.Equal(5, store.State.Machine.MaxWaitSeconds);
            Assert.Contains(observer.Notices, n => n.Message.Contains("measuring pair1 c=1 healthz anyway", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_probe_nothing_is_checked_or_recorded()
    {
        using var harness = new Harness();

        await harness.RunAsync(TestProtocols.Build());

        Assert.Null(Journal(harness).Machine);
    }

    private static RunState Journal(Harness harness) =>
        CampaignJson.Deserialize<RunState>(
            File.ReadAllText(Directory.GetFiles(harness.OutputDirectory, RunStore.StateFileName, SearchOption.AllDirectories).Single()))!;

    private static IReadOnlyList<string> Notes(CampaignOutcome outcome) =>
        ReportJson.ReadReport(Path.Combine(outcome.RunDirectory!, PublicationFiles.Report)).Notes;
}
