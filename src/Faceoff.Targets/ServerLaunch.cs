using Faceoff.Protocol.Model;

namespace Faceoff.Targets;

/// <summary>Everything needed to start one server: a framework in a profile, on a host and port.</summary>
/// <param name="Name">Names the log file (<c>&lt;LogDirectory&gt;/&lt;Name&gt;.log</c>) and messages; unique per launch is best.</param>
/// <param name="Constrained">Adds the framework's <see cref="ConstrainedVariant"/> env and args (the C05 overload launch).</param>
/// <param name="Placeholders">Values for <c>{protocol_dir}</c> and <c>{python}</c>; <c>{host}</c> and <c>{port}</c> come from this record.</param>
/// <param name="CpuAffinity">A CPU list such as <c>"0"</c> or <c>"0-1,3"</c>; the whole server tree inherits it.</param>
public sealed record ServerLaunch(
    string Name,
    FrameworkDefinition Framework,
    ProfileDefinition Profile,
    string Host,
    int Port,
    bool Constrained,
    string LogDirectory,
    IReadOnlyDictionary<string, string> Placeholders,
    string? CpuAffinity = null);

/// <summary>The outcome of <see cref="ServerLauncher.StartAsync"/>: a ready server, or why there is none.</summary>
/// <param name="Failure">Null on success; otherwise a message fit for the user.</param>
/// <param name="LogTail">The end of the server's log when it failed after being started.</param>
/// <param name="Exit">How the process ended when it exited during startup.</param>
public sealed record StartResult(RunningServer? Server, string? Failure, string? LogTail, ExitInfo? Exit = null)
{
    public bool Succeeded => Server is not null;
}

/// <summary>How a server process ended.</summary>
/// <param name="ExitCode">The exit status when it exited normally.</param>
/// <param name="Signal">The terminating signal when a signal killed it.</param>
/// <param name="StopRequested">True when faceoff asked it to stop; false means it crashed or quit on its own.</param>
/// <remarks>
/// .NET reports a signal death as status 128+N, as shells do, so a process that calls <c>exit(137)</c> itself is
/// indistinguishable from one killed by SIGKILL; servers do not do that in practice.
/// </remarks>
public sealed record ExitInfo(int? ExitCode, int? Signal, bool StopRequested)
{
    private static readonly string[] SignalNames =
        ["", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL",
         "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM"];

    public string Description => Signal is { } signal
        ? $"killed by signal {signal} ({SignalName(signal)})"
        : $"exited with code {ExitCode}";

    /// <summary>Decodes the status .NET reports (128+N for a signal death).</summary>
    public static ExitInfo FromStatus(int status, bool stopRequested) =>
        status is > 128 and <= 128 + 64
            ? new ExitInfo(null, status - 128, stopRequested)
            : new ExitInfo(status, null, stopRequested);

    public static string SignalName(int signal) =>
        signal > 0 && signal < SignalNames.Length ? SignalNames[signal] : $"SIG{signal}";
}
