using Faceoff.Campaign.Publishing;
using Faceoff.Campaign.Tests.Fakes;
using Faceoff.Reporting;
using Faceoff.Reporting.Model;
using Faceoff.Reporting.Text;
using Faceoff.Statistics;
using Faceoff.Statistics.Claims;

namespace Faceoff.Campaign.Tests;

/// <summary>A quick run never claims: its pack shows "smoke: no verdict" wherever a verdict would be, and says why.</summary>
public sealed class SmokeVerdictTests
{
    private static async Task<(CampaignReport Report, string Run)> RunAsync(bool quick)
    {
        using var harness = new Harness { RealPublisher = new CampaignPublisher() };
        // A candidate four times as fast, with steady repeats: a full run calls it faster without doubt.
        harness.Backend.Throughput = (server, n) => (server.Spec.Side == Side.Candidate ? 4000 : 1000) * (1 + 0.001 * (n % 3));
        var outcome = await harness.RunAsync(TestProtocols.Build(scenarios: ["healthz"], ladder: [1, 4], measuredRepeats: 3), quick: quick);
        var run = outcome.RunDirectory!;
        // The methodology (also inside the HTML) explains the verdict words, so only the tables and badges are read.
        var html = File.ReadAllText(Path.Combine(run, PublicationFiles.Html));
        var files = File.ReadAllText(Path.Combine(run, PublicationFiles.ComparisonMarkdown))
            + File.ReadAllText(Path.Combine(run, PublicationFiles.ComparisonCsv))
            + html[..html.IndexOf("id=\"methodology\"", StringComparison.Ordinal)];
        return (ReportJson.ReadReport(Path.Combine(run, PublicationFiles.Report)), files);
    }

    [Fact]
    public async Task A_quick_run_writes_smoke_no_verdict_and_claims_nothing()
    {
        var (report, files) = await RunAsync(quick: true);

        Assert.True(report.Environment.QuickMode);
        Assert.Contains(SmokeVerdict.Text, files, StringComparison.Ordinal);
        Assert.Contains(SmokeVerdict.Token, files, StringComparison.Ordinal);
        Assert.Contains("quick sizing", files, StringComparison.Ordinal);
        Assert.DoesNotContain("candidate faster", files, StringComparison.Ordinal);
        Assert.DoesNotContain("candidate_faster", files, StringComparison.Ordinal);
        var claim = Assert.Single(report.Claims);
        Assert.Equal(ClaimStatus.Unverified, claim.Status);
        Assert.StartsWith(SmokeVerdict.Text, claim.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_campaign_without_quick_gives_its_verdicts()
    {
        var (report, files) = await RunAsync(quick: false);

        Assert.All(report.Comparisons, c => Assert.Equal(Verdict.CandidateFaster, c.Verdict));
        Assert.Equal(ClaimStatus.Supported, Assert.Single(report.Claims).Status);
        Assert.DoesNotContain(SmokeVerdict.Text, files, StringComparison.Ordinal);
    }
}
