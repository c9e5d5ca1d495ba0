using System.Collections.Immutable;

using Faceoff.Protocol.Model;

namespace Faceoff.Targets.Prepare;

/// <summary>What prepare needs besides the frameworks.</summary>
/// <param name="ProtocolDirectory">The protocol file's directory: the value of <c>{protocol_dir}</c>.</param>
/// <param name="LogDirectory">Build, venv and pip logs go here.</param>
public sealed record PrepareOptions(string ProtocolDirectory, string LogDirectory)
{
    /// <summary>Skip every framework's build step (FACEOFF_SKIP_BUILD): the apps must already be built.</summary>
    public bool SkipBuild { get; init; }

    /// <summary>Where a Python virtual environment is looked for, and created when needed (FACEOFF_FASTAPI_VENV).</summary>
    public string? PythonVenv { get; init; }

    /// <summary>The requirements file pip installs into a created venv, e.g. <c>apps/fastapi/requirements.txt</c>.</summary>
    public string? PythonRequirements { get; init; }

    /// <summary>Create the venv and pip install into it when no candidate interpreter has the modules.</summary>
    public bool CreateVenvIfMissing { get; init; } = true;

    /// <summary>Where <c>git rev-parse HEAD</c> runs; the protocol directory when null.</summary>
    public string? RepositoryDirectory { get; init; }
}

/// <summary>The outcome of prepare: an environment to launch in, or why there is none.</summary>
public sealed record PrepareResult(PreparedEnvironment? Environment, string? Failure, string? LogTail)
{
    public bool Succeeded => Environment is not null;
}

/// <summary>Everything prepare found and recorded, for launching servers and for the report.</summary>
public sealed record PreparedEnvironment(
    ImmutableDictionary<string, PreparedFramework> Frameworks,
    ToolVersions Versions,
    MachineInfo Machine);

/// <summary>One framework, ready to start.</summary>
/// <param name="Placeholders">Pass as <see cref="ServerLaunch.Placeholders"/>: <c>protocol_dir</c>, and <c>python</c> for Python frameworks.</param>
public sealed record PreparedFramework(
    string FrameworkId,
    BuildOutcome Build,
    PythonResolution? Python,
    ImmutableDictionary<string, string> Placeholders);

/// <summary>A framework's build step.</summary>
/// <param name="Skipped">True when skipped by request or when the framework has no build step.</param>
/// <param name="CommandLine">The command as run, redacted.</param>
public sealed record BuildOutcome(bool Skipped, string? CommandLine, string? LogPath, double Seconds, int? ExitCode)
{
    public static BuildOutcome NotRun { get; } = new(true, null, null, 0, null);
}

/// <summary>One interpreter prepare considered for a Python framework, and the verdict.</summary>
/// <param name="Source">Where it came from, e.g. <c>FACEOFF_FASTAPI_PYTHON</c>, <c>venv</c>, <c>system</c>, <c>PATH</c>.</param>
/// <param name="Path">Null when the source named nothing (an unset variable, no venv configured).</param>
/// <param name="Reason">Why it was rejected; null when accepted.</param>
public sealed record PythonCandidate(string Source, string? Path, bool Accepted, string? Version, string? Reason);

/// <summary>The interpreter for a Python framework, or the message saying what to install.</summary>
/// <param name="Candidates">Every candidate in the order tried, accepted or not.</param>
public sealed record PythonResolution(string? Python, string? Version, ImmutableArray<PythonCandidate> Candidates, string? Failure)
{
    public bool Succeeded => Python is not null;
}

/// <summary>Versions of everything a campaign used, for the report and the methodology note.</summary>
/// <param name="DotnetSdk"><c>dotnet --version</c> in the repository (global.json applies), or "unknown".</param>
/// <param name="GitSha"><c>git rev-parse HEAD</c>, or "unknown" outside a git checkout.</param>
/// <param name="GitDirty">True when tracked files differ from HEAD; null when unknown.</param>
/// <param name="PythonPackages">The required modules and their direct dependencies, name to version.</param>
public sealed record ToolVersions(
    string DotnetRuntime,
    string DotnetSdk,
    string FaceoffVersion,
    string GitSha,
    bool? GitDirty,
    string? Python,
    string? PythonExecutable,
    ImmutableSortedDictionary<string, string> PythonPackages,
    string Kernel,
    string Os);

