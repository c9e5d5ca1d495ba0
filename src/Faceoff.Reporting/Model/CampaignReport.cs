using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Faceoff.Protocol.Model;
using Faceoff.Statistics;
using Faceoff.Statistics.Claims;

namespace Faceoff.Reporting.Model;

/// <summary>
/// The root of <c>phased_campaign_report.json</c>: everything the publication pack is rendered from.
/// Every text and HTML output is a pure function of this record, so <c>faceoff report</c> can rebuild
/// them byte-identical from the JSON alone.
/// </summary>
public sealed record CampaignReport
{
    /// <summary>2: one pass record from cell file to report, sides instead of one-side "cells", statistics records as computed.</summary>
    public const int CurrentSchemaVersion = 2;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string RunId { get; init; }

    public required DateTimeOffset StartedUtc { get; init; }

    /// <summary>Null while the campaign is still running or when it was killed before it could record the end.</summary>
    public DateTimeOffset? FinishedUtc { get; init; }

    public required RunStatus Status { get; init; }

    /// <summary>One sentence on why the status is what it is (e.g. which signal interrupted the run).</summary>
    public string? StatusDetail { get; init; }

    public required ProtocolSnapshot Protocol { get; init; }

    public required MachineInfo Machine { get; init; }

    /// <summary>Tool name → version (faceoff, dotnet, python, uvicorn...), sorted by name.</summary>
    public ImmutableSortedDictionary<string, string> ToolVersions { get; init; } =
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    public required EnvironmentFlags Environment { get; init; }

    public required ParitySummary Parity { get; init; }

    /// <summary>Both sides of every cell, each with its passes and statistics.</summary>
    public IReadOnlyList<SideReport> Sides { get; init; } = [];

    /// <summary>Measured passes in the order they ran, each formatted by <see cref="PassId.Format"/>.</summary>
    public IReadOnlyList<string> MeasuredPassOrder { get; init; } = [];

    public IReadOnlyList<ComparisonReport> Comparisons { get; init; } = [];

    public IReadOnlyList<ClaimResult> Claims { get; init; } = [];

    /// <summary>For an A/A run (<c>--aa</c>): its rows against the bar, which is the run's verdict in place of claims.</summary>
    public AaCheck? Aa { get; init; }

    /// <summary>Topology, host facts, clock offsets and per-host throughput when some host was not this machine; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public HostsReport? Hosts { get; init; }

    /// <summary>The claim rules exactly as the statistics library applies them, printed verbatim in the methodology.</summary>
    public IReadOnlyList<string> ClaimRules { get; init; } = [];

    /// <summary>How intervals and verdicts were computed (the interval method, the band, the quality bounds), one statement per line.</summary>
    public IReadOnlyList<string> StatisticsMethod { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The raw files the run produced (results, histograms, logs), relative to the run directory.</summary>
    public IReadOnlyList<ArtifactEntry> Artifacts { get; init; } = [];

    /// <summary>
    /// Whether the comparisons may be published: only when the parity gate ran and passed.
    /// Derived, written to the JSON for readers, ignored when read back.
    /// </summary>
    public bool Publishable => !Environment.SkipParity && Parity.Status == ParityStatus.Passed;

    /// <summary>
    /// The sides (by <see cref="SideReport.Key"/>) whose responses under load broke the scenario contract: the
    /// apps did not do the same work while measured, which is a parity failure found after the gate.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<string> ContractViolationSides =>
        [.. Sides.Where(s => s.Statistics.Issues.Any(i => i.Kind == QualityIssueKind.ContractViolations)).Select(s => s.Key)];
}

/// <summary>Switches that change what a run means.</summary>
/// <param name="Pinning">CPU pinning as applied (e.g. "servers: cpu 1; load: cpu 0"), null when none.</param>
/// <param name="QuickMode">The smoke-run sizing was used: numbers are indicative only.</param>
public sealed record EnvironmentFlags(bool SkipBuild, bool SkipParity, string? Pinning, bool QuickMode);

/// <summary>The parity gate's outcome; <see cref="ReportPath"/> is relative to the run directory.</summary>
public sealed record ParitySummary(ParityStatus Status, IReadOnlyList<ParityCheckRow> Checks, string? ReportPath);

/// <summary>One parity check on one profile (and scenario, for contract checks).</summary>
public sealed record ParityCheckRow(string CheckId, string Profile, string? Scenario, ParityStatus Status, string Detail);

/// <summary>A file of the run: path relative to the run directory ('/' separated), size and SHA-256 (lower-case hex).</summary>
public sealed record ArtifactEntry(string Path, long Bytes, string Sha256);

/// <summary>The canonical id of one measured pass, as listed in <see cref="CampaignReport.MeasuredPassOrder"/>.</summary>
public static class PassId
{
    public static string Format(string pair, string profile, string scenario, int concurrency, int repeat) =>
        $"{pair}/{profile}/{scenario}/c{concurrency}/r{repeat}";
}
