using Faceoff.Campaign.Publishing;
using Faceoff.Campaign.Tests.Fakes;
using Faceoff.Reporting;
using Faceoff.Reporting.Artifacts;
using Faceoff.Reporting.Model;

using Faceoff.Statistics;
using Faceoff.Statistics.Claims;

namespace Faceoff.Campaign.Tests;

/// <summary>The real publication pack from fake measurements: what the report says about order, failures and claims.</summary>
public sealed class PublishingTests
{
    [Fact]
    public async Task The_report_lists_both_sides_of_every_cell_in_alternating_pass_order_and_the_pack_verifies()
    {
        using var harness = new Harness { RealPublisher = new CampaignPublisher() };
        var protocol = TestProtocols.Build(scenarios: ["healthz"], ladder: [1, 4], measuredRepeats: 3);

        var outcome = await harness.RunAsync(protocol);

        Assert.True(outcome.Publication!.Succeeded, outcome.Publication.Error);
        Assert.True(outcome.Publication.LatestUpdated);
        var run = outcome.RunDirectory!;
        var report = ReportJson.ReadReport(Path.Combine(run, PublicationFiles.Report));
        Assert.Equal(RunStatus.Complete, report.Status);
        Assert.Equal(4, report.Sides.Count);
        Assert.All(report.Sides, c => Assert.Equal(3, c.Repeats.Count));
        Assert.Equal(
            ["pair1/cand1/healthz/c1/r1", "pair1/ref1/healthz/c1/r1", "pair1/cand1/healthz/c1/r2", "pair1/ref1/healthz/c1/r2"],
            report.MeasuredPassOrder.Take(4));
        Assert.All(report.Sides.SelectMany(c => c.Repeats), r => Assert.True(File.Exists(Path.Combine(run, r.LoadResultPath!))));
        Assert.Empty(BundleVerifier.Verify(run));
        Assert.Equal(File.ReadAllBytes(Path.Combine(run, PublicationFiles.Report)), File.ReadAllBytes(Path.Combine(harness.OutputDirectory, PublicationFiles.LatestReport)));
    }

    [Fact]
    public async Task A_crashed_cell_is_failed_on_both_sides_and_its_claim_is_unverified()
    {
        using var harness = new Harness { RealPublisher = new CampaignPublisher() };
        harness.Backend.Fault = (server, n) => server.Spec.Side == Side.Candidate && server.Pid == 1000 && n == 2 ? PassFault.Crash : PassFault.None;
        var protocol = TestProtocols.Build(scenarios: ["healthz"], ladder: [1, 4]);

        var outcome = await harness.RunAsync(protocol);

        var report = ReportJson.ReadReport(Path.Combine(outcome.RunDirectory!, PublicationFiles.Report));
        Assert.Equal(RunStatus.Partial, report.Status);
        var failed = report.Sides.Where(c => c.Concurrency == 1).ToList();
        Assert.All(failed, c => Assert.Equal(CellStatus.Failed, c.Status));
        var candidate = failed.Single(c => c.Role == Side.Candidate).Failure!;
        Assert.Equal("SIGKILL", candidate.Signal);
        Assert.Equal(["last log line"], candidate.LogTail);
        Assert.Equal(Verdict.NotPublishable, report.Comparisons.Single(c => c.Concurrency == 1).Verdict);
        Assert.Equal(ClaimStatus.Unverified, Assert.Single(report.Claims).Status);
        Assert.Contains(report.Notes, n => n.Contains("crashed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_interrupted_run_publishes_its_cells_but_leaves_the_latest_pointers_alone()
    {
        using var harness = new Harness { RealPublisher = new CampaignPublisher() };
        using var cancel = new CancellationTokenSource();
        harness.Observer.CancelAfterCells = cancel;
        harness.Observer.CancelAfter = 1;

        var outcome = await harness.RunAsync(TestProtocols.Build(ladder: [1, 2]), cancellationToken: cancel.Token);

        Assert.Equal(CampaignResult.Interrupted, outcome.Result);
        Assert.False(outcome.Publication!.LatestUpdated);
        var report = ReportJson.ReadReport(Path.Combine(outcome.RunDirectory!, PublicationFiles.Report));
        Assert.Equal(RunStatus.Interrupted, report.Status);
        Assert.Equal(2, report.Sides.Count);
        Assert.Empty(BundleVerifier.Verify(outcome.RunDirectory!));
        Assert.False(File.Exists(Path.Combine(harness.OutputDirectory, PublicationFiles.LatestReport)));
    }

    [Fact]
    public async Task Secret_looking_environment_values_are_masked_in_the_resolved_protocol()
    {
        using var harness = new Harness();
        var protocol = TestProtocols.Build(ladder: [1]);
        var profile = protocol.Profiles["cand1"] with { Env = protocol.Profiles["cand1"].Env.Add("API_TOKEN", "hunter2").Add("MODE", "plain") };
        protocol = protocol with { Profiles = protocol.Profiles.SetItem("cand1", profile) };

        var outcome = await harness.RunAsync(protocol);

        var resolved = File.ReadAllText(Path.Combine(outcome.RunDirectory!, CampaignRunner.ResolvedProtocolFile));
        Assert.DoesNotContain("hunter2", resolved, StringComparison.Ordinal);
        Assert.Contains("\"API_TOKEN\": \"***\"", resolved, StringComparison.Ordinal);
        Assert.Contains("\"MODE\": \"plain\"", resolved, StringComparison.Ordinal);
    }
}
