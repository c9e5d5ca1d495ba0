using System.Diagnostics;
using Faceoff.Protocol.Model;
using Faceoff.Targets.Native;
using Faceoff.Targets.Processes;
using Npgsql;

namespace Faceoff.Targets.Services;

/// <summary>
/// A private PostgreSQL cluster: initdb into its own directory, a free loopback port, its own socket directory,
/// run as an unprivileged user when faceoff is root. The postmaster is launched like a server
/// (<see cref="ServerLauncher"/>): parent-death signal, own process group, orphan watchdog, exit handlers,
/// so nothing outlives faceoff, even a SIGKILL of it.
/// </summary>
public sealed class ManagedPostgres : PostgresService, IKillOnExit
{
    private const string User = "faceoff";
    private const string Database = "postgres";

    private readonly Process _process;
    private readonly ProcessTree _tree;
    private Task? _stopping;
    private volatile bool _stopped;

    private ManagedPostgres(Process process, ProcessTree tree, string connectionUrl, NpgsqlConnectionStringBuilder connection, int seedRows, string logPath)
        : base(connectionUrl, connection, seedRows)
    {
        _process = process;
        _tree = tree;
        LogPath = logPath;
        ServerRegistry.Register(this);
        if (tree.OwnGroup)
        {
            OrphanWatchdog.Add(tree.RootPid);
        }
    }

    public string LogPath { get; }

    /// <summary>The postmaster's pid.</summary>
    public int Pid => _tree.RootPid;

    public override bool IsAlive => !_stopped && !_process.HasExited;

    /// <summary>Pids of the live tree right now (postmaster first when alive).</summary>
    public IReadOnlyList<int> ProcessTreePids() =>
        [.. _tree.Live().Select(m => m.Pid).OrderBy(pid => pid == Pid ? 0 : 1).ThenBy(pid => pid)];

    /// <summary>How long initdb and the start until the first connection took.</summary>
    public TimeSpan StartupTime { get; private set; }

    public static async Task<ServiceStartResult> StartAsync(ServiceDefinition definition, ManagedPostgresOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(options);
        var settings = definition.Managed ?? throw new ArgumentException($"service '{definition.Id}' names an existing server (dsn)", nameof(definition));
        var (binaries, missing) = PostgresBinaries.Find(options.BinariesRoot);
        if (binaries is null)
        {
            return new ServiceStartResult(null, missing);
        }

        var (user, noUser) = ServiceUser.Resolve();
        if (user is null)
        {
            return new ServiceStartResult(null, noUser);
        }

        var clock = Stopwatch.StartNew();
        var cluster = await PostgresCluster.InitAsync(binaries, user, options, definition.Id, ct).ConfigureAwait(false);
        if (cluster.Finding is not null)
        {
            return new ServiceStartResult(null, cluster.Finding, cluster.LogPath is null ? null : LogFiles.Tail(cluster.LogPath));
        }

        // Another process may take the free port before the postmaster binds it: a fresh port fixes that.
        for (var attempt = 1; ; attempt++)
        {
            var port = PostgresCluster.FreePort(options.Host);
            var process = await LauncherThread.Invoke(() => cluster.Spawn(settings, port)).ConfigureAwait(false);
            var tree = new ProcessTree(process.Id, ownGroup: PostgresCluster.HasSetSid);
            var url = $"postgresql://{User}:{cluster.Password}@{UrlHost(options.Host)}:{port}/{Database}";
            var connection = new NpgsqlConnectionStringBuilder
            {
                Host = options.Host,
                Port = port,
                Username = User,
                Password = cluster.Password,
                Database = Database,
            };
            var service = new ManagedPostgres(process, tree, url, connection, definition.SeedRows, cluster.LogPath!);
            var failure = await service.WaitReadyAsync(options.ReadyTimeout, ct).ConfigureAwait(false);
            if (failure is null)
            {
                service.StartupTime = clock.Elapsed;
                var version = await service.DescribeAsync(definition, managed: true, $"{options.Host}:{port}", cluster.DataDirectory, user.Name, ct).ConfigureAwait(false);
                LogFiles.Annotate(cluster.LogPath!, $"faceoff: ready on {options.Host}:{port} after {clock.Elapsed.TotalSeconds:0.000} s (PostgreSQL {version}, as {user.Name})");
                return new ServiceStartResult(service, null);
            }

            await service.StopAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            var tail = LogFiles.Tail(cluster.LogPath!);
            if (attempt < 3 && tail.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return new ServiceStartResult(null, new ServiceFinding("postgresql-start-failed", $"PostgreSQL did not start: {failure}. Log: {cluster.LogPath}"), tail);
        }
    }

    public override ResourceSnapshot? Sample() => RunningServer.SampleTree(_tree);

    public override ResourceSampler? StartSampling(TimeSpan interval) => new(() => RunningServer.SampleTree(_tree), interval);

    public override Task StopAsync(TimeSpan grace)
    {
        lock (_tree)
        {
            return _stopping ??= StopCoreAsync(grace);
        }
    }

    public override async ValueTask DisposeAsync() => await StopAsync(ServerLauncher.DefaultStopGrace).ConfigureAwait(false);

    void IKillOnExit.KillImmediately() => _tree.KillNow();

    private async Task<string?> WaitReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        string last = "no attempt yet";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                return $"the postmaster exited with code {_process.ExitCode} during startup";
            }

            try
            {
                await using var connection = await DataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                return null;
            }
            catch (NpgsqlException ex)
            {
                // "the database system is starting up" and refused connections are expected for a moment.
                last = ex.Message;
            }

            await Task.Delay(100, ct).ConfigureAwait(false);
        }

        return $"no connection within {timeout.TotalSeconds:0} s (last attempt: {last})";
    }

    private async Task StopCoreAsync(TimeSpan grace)
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        if (!_process.HasExited)
        {
            // SIGINT is PostgreSQL's fast shutdown: it disconnects clients (the apps' pools) instead of waiting for them.
            Libc.Kill(_tree.RootPid, Libc.SigInt);
            using var deadline = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                LogFiles.Annotate(LogPath, $"faceoff: no fast shutdown within {grace.TotalSeconds:0.#} s; killing the tree");
            }
        }

        await _tree.TerminateAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        if (_tree.OwnGroup)
        {
            OrphanWatchdog.Remove(_tree.RootPid);
        }

        ServerRegistry.Unregister(this);
        LogFiles.Annotate(LogPath, $"faceoff: PostgreSQL stopped (exit code {_process.ExitCode})");
        _stopped = true;
        _process.Dispose();
    }

    private static string UrlHost(string host) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
}
