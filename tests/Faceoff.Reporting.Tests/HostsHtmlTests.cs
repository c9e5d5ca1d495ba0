using System.Text.RegularExpressions;
using Faceoff.Reporting.Html;
using Faceoff.Reporting.Model;
using Faceoff.Reporting.Tests.Fixtures;
using Faceoff.Reporting.Text;

namespace Faceoff.Reporting.Tests;

public sealed class HostsHtmlTests
{
    private static string Render(CampaignReport report)
    {
        var index = new ReportIndex(report);
        return HtmlReport.Render(index, MethodologyMarkdown.Render(index));
    }

    /// <summary>The golden was written before the hosts section existed: a run on this machine alone renders exactly as before.</summary>
    [Fact]
    public void A_local_only_page_is_byte_identical_to_the_golden() =>
        Golden.Check("report.html", Render(ReportFixture.Build()));

    private static readonly string HostsPage = Render(ReportFixture.Build() with { Hosts = HostsFixture.Build() });

    [Fact]
    public void A_local_only_page_has_no_hosts_section_nor_link() =>
        Assert.DoesNotContain("#hosts", Render(ReportFixture.Build()), StringComparison.Ordinal);

    [Fact]
    public void The_hosts_section_matches_its_golden() => Golden.Check("report-hosts-section.html", Section(HostsPage));

    [Fact]
    public void The_hosts_section_names_the_topology_every_host_and_the_offsets_with_their_thresholds()
    {
        var section = Section(HostsPage);
        Assert.Contains("<a href=\"#hosts\">Hosts</a>", HostsPage, StringComparison.Ordinal);
        Assert.Contains("<tr><td>comparison_http</td><td>srv</td><td>load1 + load2</td></tr>", section, StringComparison.Ordinal);
        Assert.Contains("<tr><td>middleware_heavy</td><td>srv</td><td>load1</td></tr>", section, StringComparison.Ordinal);
        foreach (var host in new[] { "srv", "load1", "load2" })
        {
            Assert.Matches($"<tr><td>{host}</td><td class=\"mono\">ssh root@[^<]*</td><td>AMD EPYC 7B13</td><td class=\"num\">2</td>", section);
        }
        Assert.Contains("<td class=\"num\">+3.1 ms</td><td class=\"num\">&#177; 3.7 ms</td><td class=\"num\">0.7%</td>", section, StringComparison.Ordinal);
        // |−14.2| + 1.9 = 16.1 ms is 1.6 % of a 1 s pass: above the 1 % warning threshold, below the 10 % refusal.
        Assert.Contains("<td class=\"num\">-14.2 ms</td><td class=\"num\">&#177; 1.9 ms</td><td class=\"num\">1.6%</td><td><span class=\"badge unsure\">warning</span></td>", section, StringComparison.Ordinal);
        Assert.Contains("a warning above 1% (10.0 ms), the run refused above 10% (100.0 ms)", section, StringComparison.Ordinal);
        Assert.Contains("<td>load2</td><td class=\"num\">3</td><td class=\"num\">32020</td><td class=\"num\">10,690</td><td class=\"num\">21,090</td>", section, StringComparison.Ordinal);
        Assert.Contains("The hosts were emulated", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Hosts_that_were_real_machines_are_not_called_emulated()
    {
        var page = Render(ReportFixture.Build() with { Hosts = HostsFixture.Build(emulated: false) });
        Assert.Contains("<h2>Hosts</h2>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("emulated", Section(page), StringComparison.Ordinal);
    }

    [Fact]
    public void The_hosts_part_survives_the_json_and_a_report_without_it_still_loads()
    {
        var report = ReportFixture.Build() with { Hosts = HostsFixture.Build() };
        var json = ReportJson.Serialize(report);
        Assert.Contains("\"clock_offset_ms\": -14.2", json, StringComparison.Ordinal);
        var back = ReportJson.DeserializeReport(json);
        Assert.Equal(json, ReportJson.Serialize(back));
        Assert.Equal(Section(Render(report)), Section(Render(back)));

        // A report written before the hosts part existed (and any local-only one) has no "hosts" key at all.
        var local = ReportJson.Serialize(ReportFixture.Build());
        Assert.DoesNotContain("\"hosts\"", local, StringComparison.Ordinal);
        var old = ReportJson.DeserializeReport(local);
        Assert.Null(old.Hosts);
        Assert.Equal(2, old.SchemaVersion);
    }

    private static string Section(string page)
    {
        var match = Regex.Match(page, "<section id=\"hosts\">.*?</section>\n", RegexOptions.Singleline);
        return match.Success ? match.Value : "";
    }
}
