using Faceoff.Reporting.Html;
using Faceoff.Reporting.Model;
using Faceoff.Reporting.Tests.Fixtures;
using Faceoff.Reporting.Text;

namespace Faceoff.Reporting.Tests;

public sealed class LaunchFactsTests
{
    private static readonly CampaignReport SingleLaunch = ReportFixture.Build();

    private static readonly CampaignReport TwoLaunches = SingleLaunch with
    {
        Comparisons = [.. SingleLaunch.Comparisons.Select(c => c.Launch is null ? c : c with
        {
            Launch = new LaunchFacts(true, new LaunchSideFacts(2, 6, 0.0004, 0.0001), new LaunchSideFacts(2, 6, 0.0003, 0.0002), 3, 4, 0.05, null),
        })],
    };

    private static IEnumerable<string> Outputs(CampaignReport report)
    {
        var index = new ReportIndex(report);
        var methodology = MethodologyMarkdown.Render(index);
        return [ComparisonMarkdown.Render(index), methodology, HtmlReport.Render(index, methodology)];
    }

    [Fact]
    public void Every_output_says_when_an_interval_cannot_cover_launch_variance()
    {
        var warning = LaunchText.Warning(SingleLaunch.Comparisons);
        Assert.NotNull(warning);
        Assert.Contains("cannot cover launch-to-launch variance", warning, StringComparison.Ordinal);
        Assert.All(Outputs(SingleLaunch), text => Assert.Contains(warning, text, StringComparison.Ordinal));

        var csv = ComparisonCsv.Render(new ReportIndex(SingleLaunch)).TrimEnd('\n').Split('\n');
        var column = Array.IndexOf(csv[0].Split(','), "covers_launch_variance");
        Assert.True(column >= 0);
        Assert.Contains(csv.Skip(1), line => line.EndsWith(",false,1,0.0009,,1,0.00045,,,", StringComparison.Ordinal));
    }

    [Fact]
    public void With_two_launches_no_output_warns_and_the_design_is_shown()
    {
        Assert.Null(LaunchText.Warning(TwoLaunches.Comparisons));
        Assert.All(Outputs(TwoLaunches), text => Assert.DoesNotContain("cannot cover launch-to-launch variance", text, StringComparison.Ordinal));
        Assert.Contains("design for ±5%: R=3 repeats × L=4 launches", Outputs(TwoLaunches).First(), StringComparison.Ordinal);
        Assert.Contains(",true,2,0.0004,0.0001,2,0.0003,0.0002,3,4", ComparisonCsv.Render(new ReportIndex(TwoLaunches)), StringComparison.Ordinal);
    }

    [Fact]
    public void Launch_facts_survive_the_json_round_trip()
    {
        var read = ReportJson.DeserializeReport(ReportJson.Serialize(TwoLaunches));
        Assert.Equal(
            TwoLaunches.Comparisons.Select(c => c.Launch),
            read.Comparisons.Select(c => c.Launch));
        Assert.Contains("\"covers_launch_variance\": true", ReportJson.Serialize(TwoLaunches), StringComparison.Ordinal);
    }
}
