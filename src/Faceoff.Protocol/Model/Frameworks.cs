using System.Collections.Immutable;

namespace Faceoff.Protocol.Model;

/// <summary>How to run one program: the command, its arguments, environment and working directory.</summary>
/// <remarks>
/// Arguments and environment values may contain placeholders the runner substitutes:
/// <c>{port}</c>, <c>{host}</c>, <c>{python}</c> (the Python resolved by prepare) and <c>{database_url}</c> (the
/// protocol's PostgreSQL service), substituted by the runner;
/// <c>{protocol_dir}</c> is expanded by the loader to the directory of the file that defined the framework.
/// </remarks>
public sealed record CommandSpec(
    string Command,
    ImmutableArray<string> Args,
    ImmutableDictionary<string, string> Env,
    string? WorkingDir);

/// <summary>What a framework needs before it can start.</summary>
public enum RuntimeKind
{
    /// <summary>Nothing to resolve: the command runs as given.</summary>
    None,

    /// <summary>A .NET app: built with the build step, run with <c>dotnet</c>.</summary>
    Dotnet,

    /// <summary>A Python app: prepare resolves <c>{python}</c> to an interpreter with the required modules.</summary>
    Python,
}

/// <summary>Polled until it answers 200; the server counts as started only then.</summary>
public sealed record ReadinessProbe(string Path, double TimeoutSeconds);

/// <summary>The overload launch variant used by the C05 backpressure check.</summary>
/// <param name="Env">Extra environment for the constrained launch.</param>
/// <param name="Args">Extra arguments for the constrained launch.</param>
/// <param name="MaxInFlight">How many requests the constrained server accepts at once.</param>
/// <param name="OverloadStatus">The status a request beyond that limit must get (503 for the reference apps).</param>
public sealed record ConstrainedVariant(
    ImmutableDictionary<string, string> Env,
    ImmutableArray<string> Args,
    int MaxInFlight,
    int OverloadStatus);

/// <summary>A web framework under test: how to build it, start it and know it is up.</summary>
/// <param name="RequiredModules">Python modules the interpreter must import (for <see cref="RuntimeKind.Python"/>).</param>
public sealed record FrameworkDefinition(
    string Id,
    string DisplayName,
    RuntimeKind Runtime,
    CommandSpec? Build,
    CommandSpec Start,
    ReadinessProbe Readiness,
    ConstrainedVariant? Constrained,
    ImmutableArray<string> RequiredModules);

/// <summary>A framework in a mode (extra env/args) and the scenarios it serves: the unit of comparison.</summary>
public sealed record ProfileDefinition(
    string Id,
    string FrameworkId,
    ImmutableDictionary<string, string> Env,
    ImmutableArray<string> Args,
    ImmutableArray<string> Scenarios);

/// <summary>Candidate against reference. Ports are fixed per pair so runs are reproducible.</summary>
public sealed record PairDefinition(
    string Name,
    string CandidateProfile,
    string ReferenceProfile,
    int CandidatePort,
    int ReferencePort,
    ImmutableArray<int> ConcurrencyLadder)
{
    /// <summary>The host both servers run on (<see cref="HostDefinition.LocalName"/> unless the protocol says otherwise).</summary>
    public string ServerHost { get; init; } = HostDefinition.LocalName;

    /// <summary>This pair's own load hosts; empty means the campaign's.</summary>
    public ImmutableArray<string> LoadHosts { get; init; } = [];
}

/// <summary>A published claim: "the candidate is faster at this scenario of this pair".</summary>
public sealed record ClaimTarget(string ClaimId, string Pair, string Scenario);
