using System.Text;
using Faceoff.Reporting.Model;
using Faceoff.Reporting.Text;

namespace Faceoff.Reporting.Html;

/// <summary>
/// The "Hosts" section, only for a run that used another host than this machine: which host ran what, what each
/// host is, the load hosts' clock offsets against the thresholds they were checked with, and each load host's share
/// of every cell's measured passes.
/// </summary>
internal static class HostsSection
{
    public const string Anchor = "hosts";

    public static void Append(HostsReport? hosts, StringBuilder html)
    {
        if (hosts is null)
        {
            return;
        }
        html.Append("<section id=\"").Append(Anchor).Append("\">\n<h2>Hosts</h2>\n");
        if (hosts.Emulated)
        {
            html.Append("<p class=\"banner info\">The hosts were emulated: network namespaces of one machine, sharing its kernel, clock and CPUs, ")
                .Append("not separate machines. The numbers show the mechanism, not what separate machines would give.</p>\n");
        }
        AppendTopology(hosts, html);
        AppendMachines(hosts, html);
        AppendClocks(hosts, html);
        AppendThroughput(hosts, html);
        html.Append("</section>\n");
    }

    private static void AppendTopology(HostsReport hosts, StringBuilder html)
    {
        html.Append("<h3>Topology</h3>\n<table class=\"hosts\">\n<tr><th>Pair</th><th>Servers on</th><th>Load from</th></tr>\n");
        foreach (var pair in hosts.Pairs)
        {
            html.Append("<tr>").Append(H.Td(pair.Pair)).Append(H.Td(pair.ServerHost)).Append(H.Td(string.Join(" + ", pair.LoadHosts))).Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void AppendMachines(HostsReport hosts, StringBuilder html)
    {
        html.Append("<h3>Machines</h3>\n<table class=\"hosts\">\n<tr><th>Host</th><th>Reached as</th><th>CPU</th><th class=\"num\">Logical cores</th>")
            .Append("<th class=\"num\">Memory</th><th>OS</th><th>Kernel</th></tr>\n");
        foreach (var host in hosts.Hosts)
        {
            html.Append("<tr>").Append(H.Td(host.Name)).Append("<td class=\"mono\">").Append(H.Escape(host.Description)).Append("</td>")
                .Append(H.Td(host.CpuModel)).Append(H.Num(Fmt.Integer(host.LogicalCores))).Append(H.Num(Fmt.Mib(host.MemoryKib)))
                .Append(H.Td(host.Os)).Append(H.Td(host.Kernel)).Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void AppendClocks(HostsReport hosts, StringBuilder html)
    {
        var clocked = hosts.Hosts.Where(h => h.ClockOffsetMs is not null).ToList();
        if (clocked.Count == 0)
        {
            return;
        }
        html.Append("<h3>Clock offsets</h3>\n<p class=\"chart-note\">Host clock minus this machine's, measured over ssh (the true offset lies within ± the uncertainty). ");
        if (hosts.PassSeconds is { } seconds)
        {
            var passMs = seconds * 1000;
            html.Append(H.Escape($"|offset| + uncertainty is checked against the {Fmt.Fixed(seconds, 2)} s measured pass: a warning above " +
                $"{Fmt.Percent(hosts.ClockWarnShare, 0)} ({Fmt.Fixed(passMs * hosts.ClockWarnShare, 1)} ms), the run refused above " +
                $"{Fmt.Percent(hosts.ClockRefuseShare, 0)} ({Fmt.Fixed(passMs * hosts.ClockRefuseShare, 1)} ms)."));
        }
        else
        {
            html.Append("The passes are bounded by a request count, so the offsets were not checked against a pass duration.");
        }
        html.Append("</p>\n<table class=\"hosts\">\n<tr><th>Load host</th><th class=\"num\">Offset</th><th class=\"num\">Uncertainty</th>")
            .Append("<th class=\"num\">Share of the pass</th><th>Check</th></tr>\n");
        foreach (var host in clocked)
        {
            var offset = host.ClockOffsetMs!.Value;
            var uncertainty = host.ClockUncertaintyMs ?? 0;
            double? share = hosts.PassSeconds is { } s ? (Math.Abs(offset) + uncertainty) / (s * 1000) : null;
            var check = share switch
            {
                null => H.Badge("not checked", "none"),
                var x when x > hosts.ClockRefuseShare => H.Badge("above the refusal threshold", "bad"),
                var x when x > hosts.ClockWarnShare => H.Badge("warning", "unsure"),
                _ => H.Badge("within", "good"),
            };
            html.Append("<tr>").Append(H.Td(host.Name)).Append(H.Num((offset >= 0 ? "+" : "") + Fmt.Fixed(offset, 1) + " ms"))
                .Append(H.Num("± " + Fmt.Fixed(uncertainty, 1) + " ms")).Append(H.Num(Fmt.Percent(share))).Append(H.Raw(check)).Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void AppendThroughput(HostsReport hosts, StringBuilder html)
    {
        html.Append("<h3>Load per host</h3>\n");
        if (hosts.Throughput.Count == 0)
        {
            html.Append("<p>No measured pass ran from load hosts.</p>\n");
            return;
        }
        html.Append("<p class=\"chart-note\">Every measured pass sent from load hosts, per cell side and host: a host's rate is over its own run, ")
            .Append("the merged rate (all hosts, histograms added count by count) over the window every host was loading. ")
            .Append("Passes of a cell that failed or was measured again after a resume are included.</p>\n")
            .Append("<table class=\"hosts\">\n<tr><th>Pair</th><th>Profile</th><th>Scenario</th><th class=\"num\">c</th><th>Host</th>")
            .Append("<th class=\"num\">Passes</th><th class=\"num\">Requests</th><th class=\"num\">Host req/s (median)</th><th class=\"num\">Merged req/s (median)</th></tr>\n");
        foreach (var row in hosts.Throughput)
        {
            html.Append("<tr>").Append(H.Td(row.Pair)).Append(H.Td(row.Profile)).Append(H.Td(row.Scenario)).Append(H.Num(Fmt.Integer(row.Concurrency)))
                .Append(H.Td(row.Host)).Append(H.Num(Fmt.Integer(row.Passes))).Append(H.Num(Fmt.Integer(row.Requests)))
                .Append(H.Num(Fmt.Rps(row.MedianRps))).Append(H.Num(Fmt.Rps(row.MergedMedianRps))).Append("</tr>\n");
        }
        html.Append("</table>\n");
    }
}
