using System.Diagnostics;
using Faceoff.Targets.Native;
using Faceoff.Targets.Processes;

namespace Faceoff.Targets;

/// <summary>
/// A started, ready server and its whole process tree. Stopping it (or disposing it) ends every process of the
/// tree; it also stays registered with <see cref="ServerRegistry"/> until then, so faceoff never leaves it behind.
/// </summary>
public sealed class RunningServer : IAsyncDisposable, IKillOnExit
{
    private readonly Process _process;
    private readonly ProcessTree _tree;
    private readonly Lock _gate = new();
    private Task<ExitInfo>? _stopping;
    private ExitInfo? _exit;
    private volatile bool _stopRequested;

    internal RunningServer(string name, Process process, LaunchPlan plan, Uri baseUri, string logPath, bool ownGroup)
    {
        _process = process;
        Name = name;
        Pid = process.Id;
        BaseUri = baseUri;
        LogPath = logPath;
        CommandLine = plan.DisplayLine;
        StartedAt = DateTimeOffset.UtcNow;
        _tree = new ProcessTree(Pid, ownGroup);
        ServerRegistry.Register(this);
        if (ownGroup)
        {
            OrphanWatchdog.Add(Pid);
        }
    }

    public string Name { get; }

    /// <summary><c>http://host:port/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The root process; the server program itself (the launch wrappers exec into it).</summary>
    public int Pid { get; }

    public string LogPath { get; }

    /// <summary>The command as a shell line, secrets redacted.</summary>
    public string CommandLine { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>How long from launch until the readiness path answered 200.</summary>
    public TimeSpan StartupTime { get; internal set; }

    /// <summary>The kernel's Cpus_allowed_list for the root process as read after start, e.g. <c>"0"</c>.</summary>
    public string? AllowedCpus { get; internal set; }

    public bool HasExited
    {
        get
        {
            lock (_gate)
            {
                return _exit is not null || _process.HasExited;
            }
        }
    }

    /// <summary>How the root process ended, once it has; a crash has <see cref="ExitInfo.StopRequested"/> false.</summary>
    public ExitInfo? Exit
    {
        get
        {
            lock (_gate)
            {
                return _exit ?? (_process.HasExited ? ExitInfo.FromStatus(_process.ExitCode, _stopRequested) : null);
            }
        }
    }

    /// <summary>Reads the tree's CPU time and memory from /proc now.</summary>
    public ResourceSnapshot Sample() => SampleTree(_tree);

    /// <summary>CPU time and memory of every member of <paramref name="tree"/>, read from /proc now.</summary>
    internal static ResourceSnapshot SampleTree(ProcessTree tree)
    {
        var members = tree.Members();
        long ticks = 0, rss = 0, peak = 0;
        var live = 0;
        foreach (var member in members)
        {
            ticks += member.UserTime + member.SystemTime + member.ChildUserTime + member.ChildSystemTime;
            if (!member.IsZombie)
            {
                var (memberRss, memberPeak) = ProcFs.ReadMemory(member.Pid);
                rss += memberRss;
                peak += memberPeak;
                live++;
            }
        }

        return new ResourceSnapshot(DateTimeOffset.UtcNow, ticks / (double)Libc.ClockTicksPerSecond, rss, peak, live);
    }

    /// <summary>Pids of the live tree right now (root first when alive).</summary>
    public IReadOnlyList<int> ProcessTreePids() =>
        [.. _tree.Live().Select(m => m.Pid).OrderBy(pid => pid == Pid ? 0 : 1).ThenBy(pid => pid)];

    /// <summary>Samples in the background until <see cref="ResourceSampler.Stop"/>; for measured passes.</summary>
    public ResourceSampler StartSampling(TimeSpan interval) => new(Sample, interval);

    public string LogTail(int lines = 40) => LogFiles.Tail(LogPath, lines);

    /// <summary>
    /// SIGTERM to every process of the tree, SIGKILL to what is left after <paramref name="grace"/>; waits until
    /// the tree is gone. Safe to call more than once and after a crash (it then returns the crash's exit).
    /// </summary>
    public Task<ExitInfo> StopAsync(TimeSpan grace)
    {
        lock (_gate)
        {
            return _stopping ??= StopCoreAsync(grace);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(ServerLauncher.DefaultStopGrace).ConfigureAwait(false);

    /// <summary>Emergency path for the registry's exit handlers: synchronous, no grace.</summary>
    void IKillOnExit.KillImmediately() => KillImmediately();

    internal void KillImmediately()
    {
        _stopRequested = true;
        _tree.KillNow();
    }

    private async Task<ExitInfo> StopCoreAsync(TimeSpan grace)
    {
        // A server that died before anyone asked it to stop crashed, and must read as a crash.
        if (!_process.HasExited)
        {
            _stopRequested = true;
        }

        await _tree.TerminateAsync(grace).ConfigureAwait(false);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        ExitInfo exit;
        lock (_gate)
        {
            exit = _exit = ExitInfo.FromStatus(_process.ExitCode, _stopRequested);
            _process.Dispose();
        }

        if (_tree.OwnGroup)
        {
            OrphanWatchdog.Remove(Pid);
        }

        ServerRegistry.Unregister(this);
        LogFiles.Annotate(LogPath, $"server {exit.Description}{(exit.StopRequested ? " after faceoff asked it to stop" : string.Empty)}");
        return exit;
    }
}
