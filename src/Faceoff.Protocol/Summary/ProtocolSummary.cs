using System.Collections.Immutable;
using System.Globalization;
using Faceoff.Protocol.Model;

namespace Faceoff.Protocol.Summary;

/// <summary>A titled table of text cells; renderers decide how it looks (terminal table or plain text).</summary>
public sealed record SummaryTable(string Title, ImmutableArray<string> Columns, ImmutableArray<ImmutableArray<string>> Rows);

/// <summary>
/// One screen describing a resolved campaign: where it came from, what runs against what, how much, and how long.
/// Built here rather than in the CLI so it is a pure function of the protocol, testable without a console.
/// </summary>
public sealed record ProtocolSummary(ImmutableArray<SummaryTable> Tables, CampaignEstimate Estimate)
{
    public static ProtocolSummary For(CampaignProtocol protocol) =>
        new([Campaign(protocol), Frameworks(protocol), Pairs(protocol), Claims(protocol), Plans(protocol), Overrides(protocol)], CampaignEstimate.For(protocol));

    /// <summary>The estimate as a sentence, e.g. <c>about 4m 10s (at most 5m 50s); 70 timed cells, 4 server starts</c>.</summary>
    public string EstimateText =>
        $"about {Duration(Estimate.Typical)}"
        + (Estimate.Longest > Estimate.Typical ? $" (at most {Duration(Estimate.Longest)} if warmup never stabilises)" : string.Empty)
        + $"; {Estimate.Cells} timed cells, {Estimate.ServerStarts} server starts ({Estimate.Launches} launch{(Estimate.Launches == 1 ? "" : "es")})"
        + $" (request-count passes assumed at {CampaignEstimate.NominalRequestsPerSecond:0} req/s, {CampaignEstimate.ServerStartAllowanceSeconds:0} s per server start)";

    public static string Describe(PassPlan plan) =>
        (plan.IsDurationBased ? Number(plan.DurationSeconds!.Value) + " s" : plan.Requests + " requests") + " × " + plan.Repeats;

    /// <summary>The measured plan with its launches, e.g. <c>1 s × 3 repeats on each of 2 launches (6 passes per side per cell)</c>.</summary>
    public static string DescribeMeasured(PassPlan plan) =>
        (plan.IsDurationBased ? Number(plan.DurationSeconds!.Value) + " s" : plan.Requests + " requests")
        + $" × {plan.Repeats} repeats on each of {plan.Launches} launch{(plan.Launches == 1 ? "" : "es")} ({plan.TotalRepeats} passes per side per cell)"
        + (plan.Launches == 1 ? "; one launch: intervals cannot cover launch-to-launch variance" : "");

    public static string Describe(WarmupPlan plan) =>
        Describe(plan.Fixed) + (plan.UntilStable is { } rule
            ? $", then until stable (CV ≤ {Number(rule.MaxCv)} over {Number(rule.WindowSeconds)} s of {Number(rule.PassSeconds)} s passes, at most {Number(rule.MaxSeconds)} s)"
            : string.Empty);

    private static SummaryTable Campaign(CampaignProtocol protocol)
    {
        var source = protocol.IsMappedFromV1
            ? $"{protocol.SourcePath} (schema v1, mapped to v{CampaignProtocol.CurrentSchemaVersion} onto {protocol.BaseProtocolPath})"
            : $"{protocol.SourcePath} (schema v{protocol.SourceSchemaVersion})";
        ImmutableArray<string>[] mapping = protocol.V1Mapping is { } note ? [["v1 profiles run", note]] : [];
        return Table("Campaign", ["", ""], [
            ["name", protocol.Name],
            ["source", source],
            .. mapping,
            ["description", protocol.Description ?? "-"],
            ["host", protocol.Host],
        ]);
    }

    private static SummaryTable Frameworks(CampaignProtocol protocol) =>
        Table("Frameworks", ["framework", "runtime", "start command", "readiness"], [
            .. protocol.Frameworks.Values.OrderBy(framework => framework.Id, StringComparer.Ordinal).Select(framework => Row(
                framework.Id,
                framework.Runtime.ToString().ToLowerInvariant(),
                CommandLine(framework.Start),
                $"{framework.Readiness.Path} within {Number(framework.Readiness.TimeoutSeconds)} s")),
        ]);

    private static SummaryTable Pairs(CampaignProtocol protocol) =>
        Table("Pairs", ["pair", "candidate", "reference", "ports", "ladder", "scenarios"], [
            .. protocol.Pairs.Select(pair => Row(
                pair.Name,
                Side(protocol, pair.CandidateProfile),
                Side(protocol, pair.ReferenceProfile),
                $"{pair.CandidatePort} / {pair.ReferencePort}",
                string.Join(",", protocol.LadderFor(pair)) + (pair.ConcurrencyLadder.IsDefaultOrEmpty ? string.Empty : " (pair's own)"),
                string.Join(", ", protocol.ScenariosFor(pair).Select(scenario => scenario.Id)))),
        ]);

    private static SummaryTable Claims(CampaignProtocol protocol) =>
        Table("Claim targets", ["claim", "pair", "scenario"], [
            .. protocol.ClaimTargets.Select(claim => Row(claim.ClaimId, claim.Pair, claim.Scenario)),
        ]);

    private static SummaryTable Plans(CampaignProtocol protocol) =>
        Table("Plan", ["", ""], [
            ["warmup", Describe(protocol.Warmup)],
            ["measured", DescribeMeasured(protocol.Measured)],
            ["reproducibility", $"a cell whose repeats vary more than CV {Number(protocol.Reproducibility.MaxCvRatio)} is unstable"],
            ["comparison", $"{Number(protocol.Comparison.ConfidenceLevel * 100)}% confidence, ±{Number(protocol.Comparison.EquivalenceBand * 100)}% counts as no difference"],
            ["parity", $"keep-alive on {protocol.Parity.KeepAliveScenario}, charset {protocol.Parity.Charset.ToString().ToLowerInvariant()}, every {protocol.Parity.SampleEvery}th response checked under load"],
        ]);

    private static SummaryTable Overrides(CampaignProtocol protocol) =>
        Table("Settings not from the file", ["setting", "value", "source"], protocol.Overrides.IsEmpty
            ? [Row("(none: every setting is from the file)", string.Empty, string.Empty)]
            : [.. protocol.Overrides.Select(origin => Row(origin.Setting, origin.Value, SourceText(origin)))]);

    private static string SourceText(SettingOrigin origin) => origin.Source switch
    {
        SettingSource.CommandLine => "command line " + origin.Origin,
        SettingSource.Environment => "environment " + origin.Origin,
        _ => "default",
    };

    private static string Side(CampaignProtocol protocol, string profileId) =>
        $"{profileId} ({protocol.Profiles[profileId].FrameworkId})";

    private static string CommandLine(CommandSpec spec) =>
        string.Join(" ", new[] { spec.Command }.Concat(spec.Args).Select(part => part.Contains(' ', StringComparison.Ordinal) ? $"\"{part}\"" : part));

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span) => span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes}m"
        : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m {span.Seconds}s"
        : $"{(int)Math.Ceiling(span.TotalSeconds)}s";

    private static ImmutableArray<string> Row(params string[] cells) => [.. cells];

    private static SummaryTable Table(string title, ImmutableArray<string> columns, ImmutableArray<ImmutableArray<string>> rows) =>
        new(title, columns, rows);
}
