using Faceoff.Reporting.Model;
using Faceoff.Reporting.Tests.Fixtures;
using Faceoff.Reporting.Text;

using Faceoff.Statistics;

namespace Faceoff.Reporting.Tests;

public sealed class GoldenOutputTests
{
    private static readonly ReportIndex Index = new(ReportFixture.Build());

    [Fact]
    public void Framework_summary_csv_matches_golden() =>
        Golden.Check(PublicationFiles.FrameworkSummary, FrameworkSummaryCsv.Render(Index));

    [Fact]
    public void Comparison_csv_matches_golden() =>
        Golden.Check(PublicationFiles.ComparisonCsv, ComparisonCsv.Render(Index));

    [Fact]
    public void Comparison_markdown_matches_golden() =>
        Golden.Check(PublicationFiles.ComparisonMarkdown, ComparisonMarkdown.Render(Index));

    [Fact]
    public void Methodology_matches_golden() =>
        Golden.Check(PublicationFiles.Methodology, MethodologyMarkdown.Render(Index));

    [Fact]
    public void Framework_summary_has_one_row_per_profile_scenario_step()
    {
        var lines = FrameworkSummaryCsv.Render(Index).TrimEnd('\n').Split('\n');
        Assert.Equal(1 + 36, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("middleware_heavy,fastapi_middleware_heavy,reference,api_echo,8,failed,1,,", StringComparison.Ordinal));
    }

    [Fact]
    public void Comparison_csv_keeps_the_seed_columns_and_every_verdict()
    {
        var csv = ComparisonCsv.Render(Index);
        var header = csv[..csv.IndexOf('\n', StringComparison.Ordinal)].Split(',');
        Assert.Contains("throughput_advantage_pct", header);
        Assert.Contains("latency_advantage_pct", header);
        Assert.Contains("throughput_ratio_ci_low", header);
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            Assert.Contains("," + EnumText.Of(verdict) + ",", csv, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Methodology_records_overrides_with_their_source_and_the_claim_rules_verbatim()
    {
        var report = Index.Report;
        var text = MethodologyMarkdown.Render(Index);
        Assert.Contains("| measured.repeats | 3 | environment | `FACEOFF_MEASURED_REPEATS` |", text, StringComparison.Ordinal);
        foreach (var rule in report.ClaimRules)
        {
            Assert.Contains(rule, text, StringComparison.Ordinal);
        }

        foreach (var pass in report.MeasuredPassOrder)
        {
            Assert.Contains("\n" + pass + "\n", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_skipped_parity_gate_is_called_not_publishable_everywhere()
    {
        var report = ReportFixture.Build() with
        {
            Environment = new EnvironmentFlags(false, SkipParity: true, null, false),
            Parity = new ParitySummary(ParityStatus.Skipped, [], null),
        };
        var index = new ReportIndex(report);
        Assert.False(report.Publishable);
        Assert.Contains("**not publishable**", ComparisonMarkdown.Render(index), StringComparison.Ordinal);
        Assert.Contains("**the parity gate was skipped, so nothing in it is publishable.**", MethodologyMarkdown.Render(index), StringComparison.Ordinal);
    }
}
