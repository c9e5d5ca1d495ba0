using Faceoff.Campaign.Model;
using Faceoff.Load;
using Faceoff.Protocol.Model;
using Faceoff.Reporting.Model;
using Faceoff.Statistics;

namespace Faceoff.Campaign.Execution;

/// <summary>
/// Everything the runner needs from the outside world, behind one seam: the real backend wires the
/// Targets, Load and Parity libraries; tests substitute fakes to drive resume, crash and ordering paths.
/// </summary>
public interface ICampaignBackend
{
    /// <summary>Build the apps, resolve runtimes, record versions and the machine. Runs before anything is timed.</summary>
    Task<PrepareOutcome> PrepareAsync(string runDirectory, CancellationToken cancellationToken);

    /// <summary>The parity gate; its report goes under <paramref name="runDirectory"/>.</summary>
    Task<ParityOutcome> RunParityAsync(string runDirectory, CancellationToken cancellationToken);

    Task<ServerStart> StartServerAsync(ServerSpec spec, CancellationToken cancellationToken);

    /// <summary>One load pass. Cancellation ends it promptly with <see cref="OperationCanceledException"/>.</summary>
    Task<PassOutcome> RunPassAsync(PassRequest request, IProgress<LoadProgress>? live, CancellationToken cancellationToken);

    /// <summary>The protocol's database once prepare started it; null for an HTTP-only campaign.</summary>
    ICampaignDatabase? Database => null;

    /// <summary>The machine-speed probe checked before every cell; null runs every cell without checking.</summary>
    IMachineSpeed? Machine => null;

    /// <summary>Stops what prepare started for the whole run (the database), before the publication reads the run directory.</summary>
    Task ReleaseAsync() => Task.CompletedTask;
}

public sealed record PrepareOutcome(bool Succeeded, string? Error, PreparedFacts? Facts);

/// <summary>What prepare learned that the report records: the machine, every tool's version, and notes.</summary>
/// <param name="Notes">Facts worth a line in the methodology (which Python was chosen and why, builds skipped…).</param>
public sealed record PreparedFacts(MachineInfo Machine, IReadOnlyDictionary<string, string> ToolVersions, IReadOnlyList<string> Notes);

/// <param name="FirstDifference">One line: the first thing that differed, for the console.</param>
/// <param name="ReportPath">The full parity report, relative to the run directory.</param>
/// <param name="Checks">Every check on every profile, as the campaign report lists them.</param>
public sealed record ParityOutcome(bool Passed, string? FirstDifference, string? ReportPath, IReadOnlyList<ParityCheckRow> Checks);

/// <summary>One server to start: a pair's profile on the pair's fixed port.</summary>
/// <param name="Name">Names the server in messages and its log file (<c>&lt;LogDirectory&gt;/&lt;Name&gt;.log</c>, never overwritten).</param>
public sealed record ServerSpec(
    string Pair,
    Side Side,
    ProfileDefinition Profile,
    FrameworkDefinition Framework,
    string Host,
    int Port,
    string Name,
    string LogDirectory);

/// <summary>Either a ready server or why it never became one.</summary>
public sealed record ServerStart(IServer? Server, ServerFailure? Failure);

/// <summary>A running server owned by the runner until it stops it.</summary>
public interface IServer : IAsyncDisposable
{
    Uri BaseUri { get; }

    int Pid { get; }

    bool HasExited { get; }

    /// <summary>The server's stdout and stderr.</summary>
    string LogPath { get; }

    /// <summary>Start measuring CPU and RSS; the meter's result covers the time until it is stopped.</summary>
    IResourceMeter StartMeter();

    /// <summary>Whether the readiness probe still answers within the timeout.</summary>
    Task<bool> IsAnsweringAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Describe a failure of this server with its exit status, signal and log tail.</summary>
    ServerFailure DescribeFailure(Side side, string profile, ServerFailureKind kind, string message);

    /// <summary>Stop the server and its whole process tree. Safe to call more than once.</summary>
    Task StopAsync();
}

public interface IResourceMeter
{
    ServerResources Stop();
}

/// <summary>How long one pass lasts: a request count or a duration, exactly one set.</summary>
public sealed record PassBound(long? Requests, double? DurationSeconds)
{
    public static PassBound Of(PassPlan plan) => new(plan.Requests, plan.DurationSeconds);

    public static PassBound Seconds(double seconds) => new(null, seconds);

    public override string ToString() => DurationSeconds is { } s ? $"{s:0.##} s" : $"{Requests} requests";
}

/// <param name="SampleEvery">Validate every k-th response against the scenario contract; 0 = no sampling.</param>
/// <param name="KeepLoadResult">Keep the engine's full result (histogram included) for the cell file.</param>
public sealed record PassRequest(
    Uri BaseUri,
    ScenarioDefinition Scenario,
    int Concurrency,
    PassBound Bound,
    int SampleEvery,
    bool KeepLoadResult);

/// <param name="Measurement">The pass's numbers; the runner adds the server's resources when it metered them.</param>
/// <param name="LoadResultJson">The engine's full result as JSON, when asked for.</param>
/// <param name="HistogramLog">The pass's latency histogram in HdrHistogram log form, when asked for.</param>
public sealed record PassOutcome(PassMeasurement Measurement, string? LoadResultJson, string? HistogramLog);
