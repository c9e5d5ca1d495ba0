using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Faceoff.Protocol.Model;
using Faceoff.Targets.Processes;

namespace Faceoff.Targets.Services;

/// <summary>A freshly initialised cluster directory and how to launch its postmaster.</summary>
internal sealed class PostgresCluster
{
    // Same wrapper as ServerLauncher's: the shell execs, so the pid faceoff holds is the postmaster's own.
    private const string RedirectScript = "log=$1; shift; exec \"$@\" </dev/null >>\"$log\" 2>&1";

    private static readonly string? SetPriv = Executables.FindSystemTool("setpriv");
    private static readonly string? SetSid = Executables.FindSystemTool("setsid");
    private static readonly string Shell = Executables.FindSystemTool("sh") ?? "/bin/sh";

    private readonly PostgresBinaries _binaries;
    private readonly ServiceUser _user;
    private readonly string _host;
    private readonly string _socketDirectory;

    private PostgresCluster(PostgresBinaries binaries, ServiceUser user, string host, string dataDirectory, string socketDirectory, string? logPath)
    {
        _binaries = binaries;
        _user = user;
        _host = host;
        DataDirectory = dataDirectory;
        _socketDirectory = socketDirectory;
        LogPath = logPath;
    }

    public static bool HasSetSid => SetSid is not null;

    public string DataDirectory { get; }

    public string? LogPath { get; }

    /// <summary>A random password per cluster: scram authentication, so only faceoff and the apps it hands the URL to connect.</summary>
    public string Password { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public ServiceFinding? Finding { get; private init; }

    public static async Task<PostgresCluster> InitAsync(PostgresBinaries binaries, ServiceUser user, ManagedPostgresOptions options, string id, CancellationToken ct)
    {
        var root = Path.GetFullPath(options.Directory);
        var data = Path.Combine(root, "data");
        var socket = Path.Combine(root, "socket");
        PostgresCluster Fail(string code, string message, string? log = null) =>
            new(binaries, user, options.Host, data, socket, log) { Finding = new ServiceFinding(code, message) };

        if (user.Switch && SetPriv is null)
        {
            return Fail("postgresql-no-setpriv", $"faceoff runs as root and needs setpriv (util-linux) to run PostgreSQL as '{user.Name}'; install util-linux");
        }

        if (Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any())
        {
            return Fail("postgresql-dir-in-use", $"{data} already holds files; give the cluster a new directory (faceoff never deletes one it did not create)");
        }

        Directory.CreateDirectory(root);
        if (user.BlockedAncestor(root) is { } blocked)
        {
            return Fail("postgresql-dir-blocked", $"user '{user.Name}' cannot enter {blocked} (no execute permission for others), so PostgreSQL cannot use {root}; choose a directory outside it, e.g. under /tmp");
        }

        var logPath = LogFiles.CreateUnique(options.LogDirectory, $"postgres-{id}");
        foreach (var problem in new[] { user.Own(root), user.Own(data), user.Own(socket), Chown(user, logPath) })
        {
            if (problem is not null)
            {
                return Fail("postgresql-dir-owner", problem, logPath);
            }
        }

        var cluster = new PostgresCluster(binaries, user, options.Host, data, socket, logPath);
        var passwordFile = Path.Combine(root, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, cluster.Password + "\n", ct).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            if (Chown(user, passwordFile) is { } problem)
            {
                return Fail("postgresql-dir-owner", problem, logPath);
            }

            LogFiles.Annotate(logPath, $"faceoff: initdb {data} as {user.Name} (PostgreSQL {binaries.MajorVersion}, {binaries.BinDirectory})");
            // --no-sync only skips initdb's own final fsync; the server's fsync setting is untouched.
            string[] initdb =
            [
                binaries.InitDb, "-D", data, "-U", "faceoff", $"--pwfile={passwordFile}", "--auth-local=scram-sha-256",
                "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync",
            ];
            var argv = user.Switch ? [.. user.SetPrivArguments(), "--", .. initdb] : initdb[1..];
            var outcome = await CommandRunner.RunAsync(user.Switch ? SetPriv! : binaries.InitDb, argv, options.InitDbTimeout, ct, root, logPath: logPath)
                .ConfigureAwait(false);
            return outcome.Succeeded ? cluster : Fail("postgresql-initdb-failed", $"initdb failed ({outcome.Describe()}). Log: {logPath}", logPath);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    public static int FreePort(string host)
    {
        using var listener = new TcpListener(IPAddress.TryParse(host, out var address) ? address : IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs on <see cref="LauncherThread"/>, whose lifetime the parent-death signal is tied to.</summary>
    public Process Spawn(ManagedPostgresSettings settings, int port)
    {
        var argv = new List<string>();
        if (SetPriv is not null)
        {
            argv.AddRange([SetPriv, "--pdeathsig", "KILL", .. _user.SetPrivArguments(), "--"]);
        }

        if (SetSid is not null)
        {
            argv.AddRange([SetSid, "--"]);
        }

        argv.AddRange([Shell, "-c", RedirectScript, "faceoff-postgres", LogPath!, _binaries.Postgres, "-D", DataDirectory,
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-c", $"listen_addresses={_host}",
            "-c", $"unix_socket_directories={_socketDirectory}",
            "-c", $"shared_buffers={settings.SharedBuffers}",
            "-c", $"synchronous_commit={settings.SynchronousCommit}",
            "-c", $"max_connections={settings.MaxConnections.ToString(CultureInfo.InvariantCulture)}",
            "-c", "logging_collector=off"]);
        LogFiles.Annotate(LogPath!, $"faceoff: starting {string.Join(' ', argv.Skip(argv.IndexOf(_binaries.Postgres)))}");
        var info = new ProcessStartInfo(argv[0]) { UseShellExecute = false, WorkingDirectory = DataDirectory };
        foreach (var arg in argv.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {_binaries.Postgres}");
    }

    private static string? Chown(ServiceUser user, string path) =>
        user.Switch && Native.Libc.Chown(path, user.Uid, user.Gid) != 0
            ? $"cannot give {path} to user {user.Name} (chown failed with errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()})"
            : null;
}
