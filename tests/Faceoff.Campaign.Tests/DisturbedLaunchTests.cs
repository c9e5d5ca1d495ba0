using Faceoff.Campaign.Execution;
using Faceoff.Campaign.Publishing;
using Faceoff.Campaign.Tests.Fakes;
using Faceoff.Reporting;
using Faceoff.Reporting.Model;
using Faceoff.Statistics;

namespace Faceoff.Campaign.Tests;

/// <summary>
/// A cell launch whose repeats on one process spread beyond the reproducibility bound is measured again once; the
/// attempt set aside stays on record (cell file, pass files, notes) and never counts.
/// </summary>
public sealed class DisturbedLaunchTests
{
    // One cell, three repeats, two launches. A server's passes per cell launch: fixed warmup, r1, r2, r3.
    private static readonly Protocol.Model.CampaignProtocol Protocol =
        TestProtocols.Build(scenarios: ["healthz"], ladder: [1], measuredRepeats: 3, measuredLaunches: 2);

    [Fact]
    public async Task A_launch_whose_repeats_spread_is_measured_again_and_the_first_attempt_is_kept_aside()
    {
        using var harness = new Harness { RealPublisher = new CampaignPublisher() };
        // The first candidate process's first measured repeat runs at 30% of the others (a cold path).
        harness.Backend.Throughput = (server, n) => Slow(server, n, firstCandidate: harness.Backend.Servers[0], slowPasses: [2]);

        var outcome = await harness.RunAsync(Protocol);

        Assert.Equal(CampaignResult.Completed, outcome.Result);
        var cell = Assert.Single(outcome.Cells);
        var aside = Assert.Single(cell.DiscardedLaunches);
        Assert.Equal((1, Side.Candidate, 0.4), (aside.Launch, aside.Side, aside.MaxCv));
        Assert.Equal(0.5271, aside.Cv, 3);
        Assert.Equal([300, 1000, 1000], aside.Passes.Where(p => p.Kind == PassKind.Measured && p.Side == Side.Candidate).Select(p => p.Measurement.ThroughputRps));
        // What counts is the second attempt on the same processes, then launch 2: six repeats a side, none of them slow.
        Assert.All(cell.Measured(Side.Candidate), p => Assert.Equal(1000, p.Measurement.ThroughputRps));
        Assert.Equal([1, 1, 1, 2, 2, 2], cell.Measured(Side.Candidate).Select(p => p.Measurement.Launch));
        Assert.Equal(4, harness.Backend.Servers.Count);
        // The set-aside passes keep their files, renamed so the counted attempt keeps the usual names.
        foreach (var pass in aside.Passes.Where(p => p.Kind == PassKind.Measured))
        {
            Assert.Contains("/discarded/l1a1/", pass.LoadResultPath, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(outcome.RunDirectory!, pass.LoadResultPath!)), pass.LoadResultPath);
            Assert.True(File.Exists(Path.Combine(outcome.RunDirectory!, pass.HistogramLogPath!)), pass.HistogramLogPath);
        }
        Assert.All(cell.Passes.Where(p => p.Kind == PassKind.Measured),
            p => Assert.True(File.Exists(Path.Combine(outcome.RunDirectory!, p.LoadResultPath!)), p.LoadResultPath));
        Assert.Contains(harness.Observer.Notices, n => n.Level == NoticeLevel.Warning
            && n.Message.StartsWith("pair1 c=1 healthz (launch 1): the candidate's repeats on one process spread to CV 0.527 (bound 0.4); measuring this cell launch again", StringComparison.Ordinal));
        var report = Report(outcome);
        Assert.Contains(report.Notes, n => n.StartsWith("Cell pair1 c=1 healthz launch 1 was measured again:", StringComparison.Ordinal)
            && n.Contains("spread to CV 0.527 (bound 0.4); that attempt's 6 measured pass(es) are kept", StringComparison.Ordinal));
        Assert.NotEqual(Verdict.NotPublishable, Assert.Single(report.Comparisons).Verdict);
    }

    [Fact]
    public async Task A_launch_that_spreads_again_is_measured_only_twice_and_the_second_attempt_counts()
    {
        using var harness = new Harness { RealPublisher = new CampaignPublisher() };
        // A tenth, in both attempts: the counted launch alone makes the row unstable.
        harness.Backend.Throughput = (server, n) => Slow(server, n, firstCandidate: harness.Backend.Servers[0], slowPasses: [2, 6], rate: 100);

        var outcome = await harness.RunAsync(Protocol);

        var cell = Assert.Single(outcome.Cells);
        Assert.Single(cell.DiscardedLaunches);
        Assert.Equal([100, 1000, 1000, 1000, 1000, 1000], cell.Measured(Side.Candidate).Select(p => p.Measurement.ThroughputRps));
        Assert.Contains(harness.Observer.Notices, n => n.Message == "pair1 c=1 healthz (launch 1): measured again, the candidate's repeats still spread to CV 0.742; this attempt counts");
        // Nothing is hidden: the row stays as unstable as its counted repeats make it.
        Assert.Equal(Verdict.NotPublishable, Assert.Single(Report(outcome).Comparisons).Verdict);
    }

    [Fact]
    public async Task Repeats_within_the_bound_are_never_measured_again()
    {
        using var harness = new Harness();
        // 700 against 1000 is a CV of 0.19: a wide launch, but one the launch-level statistics are there to absorb.
        harness.Backend.Throughput = (server, n) => server == harness.Backend.Servers[0] && n == 2 ? 700 : 1000;

        var outcome = await harness.RunAsync(Protocol);

        var cell = Assert.Single(outcome.Cells);
        Assert.Empty(cell.DiscardedLaunches);
        Assert.Equal(12, cell.Passes.Count(p => p.Kind == PassKind.Measured));
        Assert.DoesNotContain(harness.Observer.Notices, n => n.Message.Contains("measuring this cell launch again", StringComparison.Ordinal));
    }

    private static double Slow(FakeServer server, int n, FakeServer firstCandidate, int[] slowPasses, double rate = 300) =>
        server == firstCandidate && slowPasses.Contains(n) ? rate : 1000;

    private static CampaignReport Report(CampaignOutcome outcome) =>
        ReportJson.ReadReport(Path.Combine(outcome.RunDirectory!, PublicationFiles.Report));
}
