using System.ComponentModel;
using System.Diagnostics;
using Faceoff.Targets.Processes;

namespace Faceoff.Targets;

/// <summary>
/// Starts servers and waits until they are ready. Expected failures (port busy, command missing, exit during
/// startup, readiness timeout) come back as a <see cref="StartResult"/> with a message and the log tail.
/// </summary>
/// <remarks>
/// Each server runs as <c>setpriv --pdeathsig KILL -- setsid -- sh -c 'exec "$@" &gt;&gt;log 2&gt;&amp;1' ...</c>: every
/// wrapper execs, so the pid faceoff holds is the server's own. The parent-death signal kills the server if
/// faceoff dies, even by SIGKILL; setsid gives the tree its own process group, which the stop, the exit
/// handlers and the orphan watchdog signal as a whole; the shell sends output straight to the log file, so
/// faceoff does no per-line work while measuring and a server never blocks on a full pipe.
/// </remarks>
public sealed class ServerLauncher
{
    private const string RedirectScript = "log=$1; shift; exec \"$@\" </dev/null >>\"$log\" 2>&1";

    private static readonly string? SetPriv = Executables.FindSystemTool("setpriv");
    private static readonly string? SetSid = Executables.FindSystemTool("setsid");
    private static readonly string Shell = Executables.FindSystemTool("sh") ?? "/bin/sh";

    public static TimeSpan DefaultStopGrace { get; } = TimeSpan.FromSeconds(5);

    /// <summary>Grace given to a server that failed to become ready (or whose start was cancelled) before SIGKILL.</summary>
    public TimeSpan FailedStartGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Test seam: runs after the free-port check and before the spawn, the window in which another process can
    /// take the port, so tests can make that race happen every time.
    /// </summary>
    internal Func<Task>? AfterPortCheck { get; init; }

    /// <summary>Which protections against orphaned servers are in effect on this machine, for the methodology note.</summary>
    public static string OrphanProtection { get; } = string.Join("; ", new[]
    {
        "exit and signal handlers kill every server tree",
        SetPriv is null ? "no parent-death signal (setpriv not found)" : "parent-death signal SIGKILL (setpriv)",
        SetSid is null ? "no own process group (setsid not found)" : "own process group per server plus an orphan watchdog (setsid)",
    });

    public async Task<StartResult> StartAsync(ServerLaunch launch, CancellationToken ct)
    {
        var (plan, invalid) = LaunchPlan.Create(launch);
        if (plan is null)
        {
            return new StartResult(null, $"cannot start '{launch.Name}': {invalid}", null);
        }

        if (PortCheck.FindConflict(launch.Host, launch.Port) is { } busy)
        {
            return new StartResult(null, $"cannot start '{launch.Name}': {busy}", null);
        }

        if (AfterPortCheck is { } afterPortCheck)
        {
            await afterPortCheck().ConfigureAwait(false);
        }

        var logPath = LogFiles.CreateUnique(launch.LogDirectory, launch.Name);
        LogFiles.Annotate(
            logPath,
            $"starting '{launch.Name}' ({launch.Framework.Id}, profile {launch.Profile.Id}{(launch.Constrained ? ", constrained" : string.Empty)})",
            $"command: {plan.DisplayLine}",
            $"cpu affinity: {launch.CpuAffinity ?? "not pinned"}");

        var clock = Stopwatch.StartNew();
        Process process;
        try
        {
            process = await LauncherThread.Invoke(() => Spawn(plan, logPath)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            LogFiles.Annotate(logPath, $"could not start: {ex.Message}");
            return new StartResult(null, $"cannot start '{launch.Name}': {ex.Message}", null);
        }

        var baseUri = new UriBuilder(Uri.UriSchemeHttp, launch.Host, launch.Port).Uri;
        var server = new RunningServer(launch.Name, process, plan, baseUri, logPath, ownGroup: SetSid is not null)
        {
            AllowedCpus = CpuAffinity.AllowedCpus(process.Id),
        };
        var probe = new Uri(baseUri, launch.Framework.Readiness.Path);
        var timeout = TimeSpan.FromSeconds(launch.Framework.Readiness.TimeoutSeconds);
        try
        {
            var (outcome, last) = await Readiness.WaitAsync(
                probe, process, timeout, () => PortListeners.CheckOwner(launch.Host, launch.Port, server.ProcessTreePids()), ct).ConfigureAwait(false);
            if (outcome == ReadinessOutcome.Ready)
            {
                server.StartupTime = clock.Elapsed;
                LogFiles.Annotate(logPath, $"ready after {clock.Elapsed.TotalSeconds:0.000} s ({probe} answered 200; {last})");
                return new StartResult(server, null, null);
            }

            var exit = await server.StopAsync(FailedStartGrace).ConfigureAwait(false);
            var why = outcome switch
            {
                ReadinessOutcome.ForeignListener => $"'{launch.Name}': {last}; that process answered {probe}, so ours was stopped",
                ReadinessOutcome.Exited => $"'{launch.Name}' {exit.Description} during startup, before {probe} answered 200{ForeignHolder(launch)}",
                _ => $"'{launch.Name}' did not answer 200 on {probe} within {timeout.TotalSeconds:0.#} s (last attempt: {last}); it was stopped{ForeignHolder(launch)}",
            };
            if (outcome == ReadinessOutcome.ForeignListener)
            {
                // The server's own output shows nothing wrong (it may not even have tried to bind yet): say why here.
                LogFiles.Annotate(logPath, why);
            }

            return new StartResult(null, $"{why}. Log: {logPath}", server.LogTail(), outcome == ReadinessOutcome.Exited ? exit : null);
        }
        catch (OperationCanceledException)
        {
            await server.StopAsync(FailedStartGrace).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// After a failed start our tree is gone, so whatever listens on the port is another process's: it likely
    /// explains the failure (a server that lost the race for the port exits with "address in use").
    /// </summary>
    private static string ForeignHolder(ServerLaunch launch) =>
        PortListeners.CheckOwner(launch.Host, launch.Port, []) is { Owner: ListenerOwner.Foreign } check ? $"; {check.Detail}" : string.Empty;

    private static Process Spawn(LaunchPlan plan, string logPath)
    {
        var argv = new List<string>();
        if (SetPriv is not null)
        {
            argv.AddRange([SetPriv, "--pdeathsig", "KILL", "--"]);
        }

        if (SetSid is not null)
        {
            argv.AddRange([SetSid, "--"]);
        }

        argv.AddRange([Shell, "-c", RedirectScript, "faceoff-server", logPath, plan.Command, .. plan.Args]);
        var info = new ProcessStartInfo(argv[0]) { UseShellExecute = false, WorkingDirectory = plan.WorkingDirectory };
        foreach (var arg in argv.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in plan.Environment)
        {
            info.Environment[name] = value;
        }

        Process Start() => Process.Start(info) ?? throw new InvalidOperationException($"could not start {plan.Command}");
        return plan.Cpus is { } cpus ? CpuAffinity.WithThreadAffinity(cpus, Start) : Start();
    }
}
