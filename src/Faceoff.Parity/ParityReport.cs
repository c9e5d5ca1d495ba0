using System.Collections.Immutable;
using Faceoff.Parity.Checks;

namespace Faceoff.Parity;

/// <summary>
/// The parity gate's verdict and its evidence: per claim (C01–C03 from the protocol's claim targets, C04 keep-alive,
/// C05 backpressure), per pair and scenario, per framework. Serialised snake_case by <see cref="ParityReportJson"/>.
/// </summary>
public sealed record ParityReport
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string Protocol { get; init; }

    public required string ProtocolPath { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required double DurationSeconds { get; init; }

    /// <summary>Fail when any check failed; Warn when none failed but some warned; otherwise Pass.</summary>
    public required ParityStatus Status { get; init; }

    /// <summary>The first failure on one line, e.g. <c>FAIL C02 comparison_http/api_status json.required_keys: fastapi_comparison_http: key "ok" missing (expected boolean)</c>.</summary>
    public string? FirstFailure { get; init; }

    /// <summary>Every warning on one line, in report order; they never fail the gate.</summary>
    public required ImmutableArray<string> Warnings { get; init; }

    public required ImmutableArray<ClaimResult> Claims { get; init; }

    public required ImmutableArray<PairResult> Pairs { get; init; }

    public required ImmutableArray<FrameworkResult> Frameworks { get; init; }

    public bool Passed => Status != ParityStatus.Fail;
}

/// <summary>One claim's parity: the findings behind it, both sides' observations, diffs and the logs to read.</summary>
/// <param name="Scope">What it covers, e.g. <c>comparison_http/api_status</c>, or each pair / framework for C04 / C05.</param>
public sealed record ClaimResult(
    string ClaimId,
    string Title,
    ParityStatus Status,
    ImmutableArray<string> Scope,
    ImmutableArray<ParityFinding> Findings,
    ImmutableArray<Observation> Observations,
    ImmutableArray<string> Diffs,
    ImmutableArray<string> LogPaths);

/// <summary>A server the gate started (or failed to start).</summary>
public sealed record ServerRecord(
    string Name,
    string Profile,
    string Framework,
    bool Constrained,
    string? BaseUri,
    int? Pid,
    string? LogPath,
    string? StartFailure,
    string? LogTail);

/// <summary>What one profile answered to one scenario: status, the headers of interest, and the body in brief.</summary>
public sealed record Observation(
    string Profile,
    string Scenario,
    int? Status,
    string? HttpVersion,
    ImmutableSortedDictionary<string, string> Headers,
    int BodyBytes,
    string? BodyExcerpt,
    string? BodySha256,
    double ElapsedMs,
    string? Error);

public sealed record ScenarioResult(
    string Scenario,
    string? ClaimId,
    ParityStatus Status,
    ImmutableArray<Observation> Observations,
    ImmutableArray<ParityFinding> Findings,
    string? Diff);

public sealed record PairResult(
    string Name,
    ParityStatus Status,
    ServerRecord Candidate,
    ServerRecord Reference,
    ImmutableArray<ScenarioResult> Scenarios,
    string KeepAliveScenario,
    ImmutableArray<ParityFinding> KeepAlive,
    ImmutableArray<ParityFinding> ServerHealth);

/// <summary>Checks done once per framework: Date freshness and C05 backpressure on its constrained variant.</summary>
public sealed record FrameworkResult(
    string Framework,
    ParityStatus Status,
    ImmutableArray<ParityFinding> Transport,
    ImmutableArray<ParityFinding> Backpressure,
    BackpressureObservation? BackpressureObservation,
    ServerRecord? ConstrainedServer);
