using System.Text.RegularExpressions;
using Faceoff.Reporting.Html;
using Faceoff.Reporting.Model;
using Faceoff.Reporting.Tests.Fixtures;
using Faceoff.Reporting.Text;

namespace Faceoff.Reporting.Tests;

public sealed partial class HtmlReportTests
{
    private static readonly CampaignReport Report = ReportFixture.Build();
    private static readonly string Page = Render(Report);

    private static string Render(CampaignReport report)
    {
        var index = new ReportIndex(report);
        return HtmlReport.Render(index, MethodologyMarkdown.Render(index));
    }

    public static TheoryData<string> ChartIds()
    {
        var data = new TheoryData<string>();
        foreach (var pair in Report.Protocol.Pairs)
        {
            foreach (var scenario in pair.Scenarios)
            {
                foreach (var kind in new[] { "throughput", "latency", "spectrum", "timeline", "cpu", "rss" })
                {
                    data.Add($"{kind}-{pair.Name}-{scenario}");
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ChartIds))]
    public void Every_chart_is_present_with_both_profiles_drawn(string chartId)
    {
        var svg = Chart(chartId);
        var pair = Report.Protocol.Pairs.Single(p => chartId.Contains("-" + p.Name + "-", StringComparison.Ordinal));
        var series = SeriesAttr().Matches(svg).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal([pair.CandidateProfile, pair.ReferenceProfile], series);
        var lines = LinePath().Matches(svg).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, d => Assert.Matches(@"^M\d", d));
    }

    [Fact]
    public void A_failed_step_leaves_a_gap_instead_of_a_line_through_it()
    {
        var svg = Chart("throughput-middleware_heavy-api_echo");
        var reference = Regex.Match(svg, "data-series=\"fastapi_middleware_heavy\"><path class=\"line\" d=\"([^\"]*)\"").Groups[1].Value;
        Assert.Equal(1, reference.Count(c => c == 'M'));
        Assert.Equal(1, reference.Count(c => c == 'L'));
    }

    [Fact]
    public void A_pass_too_short_for_whole_seconds_is_one_point_at_its_mean_rate_not_a_spike()
    {
        // One full second and a few trailing milliseconds: drawn as seconds, the tail would plunge to near zero.
        var shortPasses = Report with
        {
            Sides = [.. Report.Sides.Select(c => c with { Repeats = [.. c.Repeats.Select(r => r with { Measurement = r.Measurement with { PerSecondCompleted = [r.Measurement.Requests - 40, 40] } })] })],
        };
        var page = Render(shortPasses);
        var svg = Regex.Match(page, "<svg data-chart=\"timeline-comparison_http-healthz\".*?</svg>", RegexOptions.Singleline).Value;
        var candidate = Regex.Match(svg, "data-series=\"comparison_http\">(.*?)</g>", RegexOptions.Singleline).Groups[1].Value;
        var passes = shortPasses.Sides.Where(c => c is { Pair: "comparison_http", Profile: "comparison_http", Scenario: "healthz" }).Sum(c => c.Repeats.Count);

        Assert.Equal(passes, Regex.Count(candidate, "<circle "));
        Assert.DoesNotContain("L", string.Concat(LinePath().Matches(candidate).Select(m => m.Groups[1].Value)), StringComparison.Ordinal);
        Assert.Contains("or one point at its mean rate when the pass is too short to have any", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_fetches_nothing()
    {
        Assert.DoesNotMatch(@"(src|href)\s*=\s*[""']?(https?:)?//", Page);
        Assert.DoesNotContain("<script", Page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", Page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", Page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", Page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Summary_and_claims_come_before_the_charts_and_every_claim_has_a_colored_badge()
    {
        var claims = Page.IndexOf("<section id=\"claims\">", StringComparison.Ordinal);
        var charts = Page.IndexOf("<svg", StringComparison.Ordinal);
        Assert.InRange(claims, 0, charts);
        Assert.True(Page.IndexOf("class=\"cards\"", StringComparison.Ordinal) < claims);
        foreach (var (status, css) in new[] { ("supported", "good"), ("refuted", "bad"), ("parity", "even"), ("mixed", "mixed"), ("unverified", "none"), ("inconclusive", "unsure") })
        {
            Assert.Contains($"<span class=\"badge {css}\">{status}</span>", Page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Failed_and_unstable_cells_are_explained_with_the_log_tail()
    {
        Assert.Contains("middleware_heavy/reference.fastapi_middleware_heavy/api_echo/c8</strong> failed: server exited during measured repeat 2 of 3; ended by SIGKILL.", Page, StringComparison.Ordinal);
        Assert.Contains("INFO:     Application startup complete.", Page, StringComparison.Ordinal);
        Assert.Contains("middleware_heavy/candidate.middleware_heavy/api_echo/c1</strong> is unstable (throughput CV 40.1% across repeats, bound 40%): throughput CV 0.401", Page, StringComparison.Ordinal);
    }

    [Fact]
    public void Methodology_is_rendered_from_the_markdown_and_every_artifact_is_linked()
    {
        Assert.Contains("<h2>Methodology: faceoff_default_campaign</h2>", Page, StringComparison.Ordinal);
        Assert.Contains("<td style=\"text-align: right;\">3</td>", Page, StringComparison.Ordinal);
        Assert.Contains("<td>Small HTML page | with a bar</td>", Page, StringComparison.Ordinal);
        foreach (var artifact in Report.Artifacts)
        {
            Assert.Contains($"<a href=\"{artifact.Path}\">", Page, StringComparison.Ordinal);
        }

        Assert.Contains($"<a href=\"{PublicationFiles.Bundle}\">", Page, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_report_is_escaped()
    {
        var report = Report with { Notes = ["<img src=x onerror=alert(1)>"] };
        var page = Render(report);
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_stopped_by_the_parity_gate_still_renders_every_output()
    {
        var report = Report with
        {
            Status = RunStatus.Failed,
            StatusDetail = "the parity gate failed: fastapi_comparison_http api_status lacks key 'ok'",
            FinishedUtc = null,
            Parity = new ParitySummary(ParityStatus.Failed, [new("C02", "fastapi_comparison_http", "api_status", ParityStatus.Failed, "missing key 'ok'")], "parity/parity_report.json"),
            Sides = [],
            MeasuredPassOrder = [],
            Comparisons = [],
            Claims = [],
            Artifacts = [],
        };

        var outputs = PublicationWriter.Render(report);

        var page = outputs.Single(o => o.FileName == PublicationFiles.Html).Content;
        Assert.Contains("<strong>Not publishable:</strong> the parity gate failed", page, StringComparison.Ordinal);
        Assert.Contains(">no data</text>", page, StringComparison.Ordinal);
        Assert.Equal("not compared", Regex.Match(outputs.Single(o => o.FileName == PublicationFiles.ComparisonMarkdown).Content, @"\| (not compared) \|").Groups[1].Value);
        Assert.Single(outputs.Single(o => o.FileName == PublicationFiles.ComparisonCsv).Content.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Chart(string chartId)
    {
        var match = Regex.Match(Page, $"<svg data-chart=\"{Regex.Escape(chartId)}\".*?</svg>", RegexOptions.Singleline);
        Assert.True(match.Success, $"chart {chartId} is missing");
        return match.Value;
    }

    [GeneratedRegex("data-series=\"([^\"]+)\"")]
    private static partial Regex SeriesAttr();

    [GeneratedRegex("<path class=\"line\" d=\"([^\"]*)\"")]
    private static partial Regex LinePath();
}
