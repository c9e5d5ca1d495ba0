using System.Text;
using Faceoff.Reporting.Model;

namespace Faceoff.Reporting.Text;

/// <summary>
/// <c>phased_methodology.md</c>: how this run was produced — machine, versions, protocol and overrides,
/// warmup, pass order, load engine, statistics, claim rules, parity, publishability, failures, limits —
/// so a reader can judge the numbers and re-run the campaign.
/// </summary>
public static class MethodologyMarkdown
{
    public static string Render(ReportIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var report = index.Report;
        var text = new StringBuilder();
        text.Append("# Methodology: ").Append(report.Protocol.Name).Append("\n\n");
        text.Append(ComparisonMarkdown.Headline(report)).Append("\n\n");
        text.Append("This note says how the numbers of this run were produced, so they can be checked and reproduced. ")
            .Append("It is generated from `phased_campaign_report.json`; `faceoff report <run-dir>` regenerates it byte for byte.\n");

        AppendRun(report, text);
        AppendMachine(report, text);
        AppendProtocol(index, text);
        AppendOverrides(report.Protocol, text);
        AppendWarmup(index, text);
        AppendMeasured(report, text);
        MethodologyProse.AppendLoadEngine(text);
        MethodologyProse.AppendStatistics(report, text);
        AppendClaimRules(report, text);
        AppendParity(report, text);
        MethodologyProse.AppendPublishability(report, text);
        AppendProblemCells(index, text);
        AppendList("Notes", report.Notes, text);
        MethodologyProse.AppendLimitations(report, text);
        return text.ToString();
    }

    private static void AppendRun(CampaignReport report, StringBuilder text)
    {
        var protocol = report.Protocol;
        var duration = report.FinishedUtc is { } end ? Fmt.Seconds((end - report.StartedUtc).TotalSeconds) : Fmt.Missing;
        text.Append("\n## Run\n\n");
        text.Append("- Run id: `").Append(report.RunId).Append("`\n");
        text.Append("- Status: ").Append(EnumText.Words(report.Status))
            .Append(report.StatusDetail is { } detail ? " — " + detail : "").Append('\n');
        text.Append("- Started ").Append(Fmt.Utc(report.StartedUtc)).Append(", finished ").Append(Fmt.Utc(report.FinishedUtc))
            .Append(", wall time ").Append(duration).Append('\n');
        text.Append("- Protocol: `").Append(protocol.Name).Append("` from `").Append(protocol.SourcePath)
            .Append("` (schema version ").Append(Fmt.Integer(protocol.SourceSchemaVersion)).Append(")\n");
        if (protocol.Description is { } description)
        {
            text.Append("- Description: ").Append(description).Append('\n');
        }

        text.Append("- Servers bind to ").Append(protocol.Host).Append(" (loopback); the load generator runs on the same machine\n");
        text.Append("- Build step: ").Append(report.Environment.SkipBuild ? "skipped (the apps already built were used)" : "run").Append('\n');
        text.Append("- Parity gate: ").Append(report.Environment.SkipParity ? "**skipped**" : "run").Append('\n');
        text.Append("- CPU pinning: ").Append(report.Environment.Pinning ?? "none").Append('\n');
        text.Append("- Quick (smoke) mode: ").Append(report.Environment.QuickMode ? "yes, the numbers are indicative only" : "no").Append('\n');
    }

    private static void AppendMachine(CampaignReport report, StringBuilder text)
    {
        var machine = report.Machine;
        text.Append("\n## Machine\n\n");
        var table = new MarkdownTable("Property", "Value");
        table.Row("CPU", machine.CpuModel);
        table.Row("Logical cores", Fmt.Integer(machine.LogicalCores));
        table.Row("Memory", Fmt.Mib(machine.MemoryKib));
        table.Row("Kernel", machine.Kernel);
        table.Row("OS", machine.Os);
        table.Row("Architecture", machine.Architecture);
        table.AppendTo(text);

        text.Append("\n### Tool versions\n\n");
        var tools = new MarkdownTable("Tool", "Version");
        foreach (var (tool, version) in report.ToolVersions)
        {
            tools.Row(tool, version);
        }

        tools.AppendTo(text);
    }

    private static void AppendProtocol(ReportIndex index, StringBuilder text)
    {
        var protocol = index.Report.Protocol;
        text.Append("\n## Protocol\n\n");
        text.Append("Campaign ladder: ").Append(Ladder(protocol.ConcurrencyLadder))
            .Append(". A pair may run its own ladder; the ladder each pair ran is listed here.\n\n");
        var pairs = new MarkdownTable("Pair", "Candidate", "Reference", "Ladder", "Scenarios");
        foreach (var pair in protocol.Pairs)
        {
            pairs.Row(
                pair.Name,
                $"{pair.CandidateFramework} (`{pair.CandidateProfile}`)",
                $"{pair.ReferenceFramework} (`{pair.ReferenceProfile}`)",
                Ladder(pair.Ladder),
                string.Join(", ", pair.Scenarios));
        }

        pairs.AppendTo(text);
        text.Append("\n### Scenarios\n\n");
        var scenarios = new MarkdownTable("Scenario", "Request", "Description");
        foreach (var scenario in protocol.Scenarios)
        {
            scenarios.Row(scenario.Id, $"`{scenario.Method} {scenario.Path}`", scenario.Description ?? "");
        }

        scenarios.AppendTo(text);
        text.Append("\n### Claim targets\n\n");
        var claims = new MarkdownTable("Claim", "Pair", "Scenario");
        foreach (var claim in protocol.Claims)
        {
            claims.Row(claim.ClaimId, claim.Pair, claim.Scenario);
        }

        claims.AppendTo(text);
    }

    private static void AppendOverrides(ProtocolSnapshot protocol, StringBuilder text)
    {
        text.Append("\n## Overrides\n\n");
        if (protocol.Overrides.Count == 0)
        {
            text.Append("None: every setting came from the protocol file.\n");
            return;
        }

        text.Append("Settings that did not come from the protocol file, and where each came from:\n\n");
        var table = new MarkdownTable("Setting", "Value", "Source", "Origin");
        foreach (var entry in protocol.Overrides)
        {
            table.Row(entry.Setting, entry.Value, entry.Source.Replace('_', ' '), entry.Origin is { } origin ? $"`{origin}`" : "");
        }

        table.AppendTo(text);
    }

    private static void AppendWarmup(ReportIndex index, StringBuilder text)
    {
        var warmup = index.Report.Protocol.Warmup;
        text.Append("\n## Warmup\n\n");
        text.Append("On each launch every pair's two servers are started afresh, warmed up, then measured on the same processes ")
            .Append("(the seed restarted the server between warmup and measurement, so its warmup warmed nothing); ")
            .Append("each scenario is warmed on every process before its first measured cell. ");
        if (warmup.UntilStable is { } rule)
        {
            text.Append($"That warmup ran in passes of {Fmt.Seconds(rule.PassSeconds)} until the throughputs of the passes in the last {Fmt.Seconds(rule.WindowSeconds)} varied by a CV under ")
                .Append($"{Fmt.Fixed(rule.MaxCv, 3)}, for at most {Fmt.Fixed(rule.MaxSeconds, 0)} s. ");
        }
        text.Append($"In every cell, each side then ran {Fmt.Integer(warmup.Fixed.Repeats)} fixed warmup pass(es) of {PassSize(warmup.Fixed)} at the cell's step ")
            .Append("immediately before its own first measured repeat of the launch (candidate warmup, candidate r1, reference warmup, reference r1, …), ")
            .Append("so neither side's first repeat follows an idle spell the other side's repeats do not.");
        text.Append("\n\nObserved warmups:\n\n");
        var table = new MarkdownTable("Cell", ">Duration", ">Passes", "Stable", ">Final window CV");
        foreach (var cell in index.OrderedCells)
        {
            var w = cell.Warmup;
            table.Row(
                cell.Key,
                w is null ? Fmt.Missing : Fmt.Fixed(w.DurationSeconds, 1) + " s",
                w is null ? Fmt.Missing : Fmt.Integer(w.Passes),
                w?.StabilityReached switch { true => "yes", false => "**no** (cap reached)", null => Fmt.Missing },
                w?.FinalWindowCv is { } cv ? Fmt.Fixed(cv, 3) : Fmt.Missing);
        }

        table.AppendTo(text);
    }

    private static void AppendMeasured(CampaignReport report, StringBuilder text)
    {
        var measured = report.Protocol.Measured;
        text.Append("\n## Measured passes\n\n");
        text.Append("Each cell was measured on ").Append(Fmt.Integer(measured.Launches))
            .Append(measured.Launches == 1 ? " launch" : " launches").Append(" with ").Append(Fmt.Integer(measured.Repeats))
            .Append(" alternating repeats of ").Append(PassSize(measured)).Append(" each per launch (")
            .Append(Fmt.Integer(measured.Launches * measured.Repeats)).Append(" measured passes per side, numbered on across launches). ")
            .Append("A launch is a fresh pair of server processes, started after the previous launch's were stopped and warmed ")
            .Append("until stable before its first cell; launches run one after another over the whole ladder, so each launch's ")
            .Append("JIT, heap layout and address-space luck is sampled once per cell. A server that crashes during launch l is ")
            .Append("restarted for the next cell and that process still counts as launch l. ");
        text.Append("The ").Append(Fmt.Integer(report.MeasuredPassOrder.Count))
            .Append(" measured passes ran in this order (`pair/profile/scenario/c<connections>/r<repeat>`):\n\n```text\n");
        foreach (var pass in report.MeasuredPassOrder)
        {
            text.Append(pass).Append('\n');
        }

        text.Append("```\n");
    }

    private static void AppendClaimRules(CampaignReport report, StringBuilder text)
    {
        text.Append("\n## Claim rules\n\n");
        if (report.ClaimRules.Count == 0)
        {
            text.Append("No claim rules were recorded.\n");
            return;
        }

        text.Append("Applied in order, verbatim from the statistics library; the first rule that applies decides:\n\n");
        for (var i = 0; i < report.ClaimRules.Count; i++)
        {
            text.Append(Fmt.Integer(i + 1)).Append(". ").Append(report.ClaimRules[i]).Append('\n');
        }
    }

    private static void AppendParity(CampaignReport report, StringBuilder text)
    {
        var parity = report.Parity;
        text.Append("\n## Parity gate\n\n");
        text.Append("Result: **").Append(EnumText.Words(parity.Status)).Append("**");
        text.Append(parity.ReportPath is { } path ? $"; full report: `{path}`.\n" : ".\n");
        if (parity.Checks.Count == 0)
        {
            return;
        }

        text.Append('\n');
        var table = new MarkdownTable("Check", "Profile", "Scenario", "Status", "Detail");
        foreach (var check in parity.Checks)
        {
            table.Row(check.CheckId, check.Profile, check.Scenario ?? "", EnumText.Words(check.Status), check.Detail);
        }

        table.AppendTo(text);
    }

    private static void AppendProblemCells(ReportIndex index, StringBuilder text)
    {
        var failed = index.OrderedCells.Where(c => c.Status == CellStatus.Failed).ToList();
        var unstable = index.OrderedCells.Where(c => c.Statistics.IsUnstable).ToList();
        text.Append("\n## Failed and unstable cells\n\n");
        if (failed.Count == 0 && unstable.Count == 0)
        {
            text.Append("Every cell completed and every cell was stable.\n");
            return;
        }

        if (failed.Count > 0)
        {
            var table = new MarkdownTable("Failed cell", "Reason", ">Exit status", "Signal");
            foreach (var cell in failed)
            {
                table.Row(cell.Key, cell.Failure?.Reason ?? "unknown", cell.Failure?.ExitStatus is { } exit ? Fmt.Integer(exit) : "", cell.Failure?.Signal ?? "");
            }

            table.AppendTo(text);
        }

        if (unstable.Count > 0)
        {
            text.Append(failed.Count > 0 ? "\n" : "");
            var table = new MarkdownTable("Unstable cell", ">Throughput CV", "Issues");
            foreach (var cell in unstable)
            {
                table.Row(cell.Key, Fmt.Percent(cell.Statistics.Throughput?.Cv), string.Join("; ", cell.Statistics.Issues.Select(i => i.Message)));
            }

            table.AppendTo(text);
        }
    }

    private static void AppendList(string heading, IReadOnlyList<string> items, StringBuilder text)
    {
        if (items.Count == 0)
        {
            return;
        }

        text.Append("\n## ").Append(heading).Append("\n\n");
        foreach (var item in items)
        {
            text.Append("- ").Append(item).Append('\n');
        }
    }

    internal static string PassSize(PassSnapshot pass) => pass switch
    {
        { DurationSeconds: { } seconds } => Fmt.Fixed(seconds, 1) + " s",
        { Requests: { } requests } => Fmt.Integer(requests) + " requests",
        _ => "an unrecorded size",
    };

    private static string Ladder(IReadOnlyList<int> ladder) => string.Join(", ", ladder.Select(step => Fmt.Integer(step)));
}
