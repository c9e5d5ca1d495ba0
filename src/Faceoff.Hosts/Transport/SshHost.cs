using System.Diagnostics;
using System.Globalization;

namespace Faceoff.Hosts.Transport;

/// <summary>
/// A host reached with the system OpenSSH client. <see cref="ConnectAsync"/> starts one master connection
/// (ControlMaster) in a private directory; every later command, copy and process rides on it, so a command costs
/// a channel, not a handshake. Keep-alives (ServerAliveInterval/CountMax) make a dropped connection fail within
/// seconds instead of hanging.
/// </summary>
public sealed class SshHost : IHost
{
    private static readonly TimeSpan MasterTimeout = TimeSpan.FromSeconds(30);
    private readonly SshDestination _destination;
    private readonly DirectoryInfo _controlDirectory;
    private readonly SshSettings _settings;
    private bool _masterStarted;

    public SshHost(SshDestination destination, SshSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        _destination = destination;
        _settings = settings ?? new SshSettings();

        // A short path, because a control socket's path must fit in 108 bytes; CreateTempSubdirectory makes it
        // mode 700, so only we may reach the master.
        _controlDirectory = Directory.CreateTempSubdirectory("fo-ssh-");
    }

    public string Name => _destination.Name;

    public bool IsLocal => false;

    public string WorkDirectory => _destination.WorkDirectory;

    public SshDestination Destination => _destination;

    public string Description =>
        $"ssh {_destination.Target}" +
        (_destination.Port is { } port ? $" port {port.ToString(CultureInfo.InvariantCulture)}" : "") +
        (_destination.IdentityFile is { } key ? $" identity {key}" : "");

    /// <summary>The control socket pattern (%C: a hash of host, port and user).</summary>
    public string ControlPath => Path.Combine(_controlDirectory.FullName, "%C");

    public async Task<HostCheck> ConnectAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var log = Path.Combine(_controlDirectory.FullName, "master.log");

        // The master goes to the background (-f) with /dev/null and a log file as its streams: a master that
        // inherited our pipes would keep every later read of this process's output open until it exits.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var arg in (string[])["-c", "log=$1; shift; exec \"$@\" </dev/null >/dev/null 2>\"$log\"", "sh", log, "ssh"])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in BaseArguments())
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in (string[])["-o", "ControlMaster=yes", "-o", $"ControlPersist={(int)_settings.ControlPersist.TotalSeconds}", "-f", "-N", _destination.Target])
        {
            start.ArgumentList.Add(arg);
        }

        var result = await ProcessRunner.RunAsync(start, MasterTimeout, ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var reason = File.Exists(log) ? (await File.ReadAllTextAsync(log, ct).ConfigureAwait(false)).Trim() : "";
            return new HostCheck(Name, $"host '{Name}' ({Description}) is unreachable: {(reason.Length > 0 ? SshRedaction.Command(reason) : result.Describe())}", clock.Elapsed);
        }

        _masterStarted = true;
        var mkdir = await this.RunAsync($"mkdir -p {Shell.Quote(WorkDirectory)}", _settings.CommandTimeout, ct).ConfigureAwait(false);
        return mkdir.Succeeded
            ? new HostCheck(Name, null, clock.Elapsed)
            : new HostCheck(Name, $"host '{Name}': cannot create the work directory {WorkDirectory}: {mkdir.Describe()}", clock.Elapsed);
    }

    public ProcessStartInfo CreateStartInfo(string shellCommand)
    {
        var start = new ProcessStartInfo("ssh") { UseShellExecute = false };
        foreach (var arg in CommandArguments(shellCommand))
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    public string DescribeCommand(string shellCommand) => Shell.Join(["ssh", .. SshRedaction.Arguments(CommandArguments(shellCommand))]);

    /// <summary>
    /// Kills the master connection abruptly, as a network failure would end it: every session riding on it ends
    /// and the host sees its channels close. For fault tests. Returns false when no master was running.
    /// </summary>
    public async Task<bool> BreakConnectionAsync()
    {
        var check = new ProcessStartInfo("ssh") { UseShellExecute = false };
        foreach (var arg in (string[])[.. BaseArguments(), "-O", "check", _destination.Target])
        {
            check.ArgumentList.Add(arg);
        }

        var result = await ProcessRunner.RunAsync(check, TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(false);
        var text = result.Error + result.Output;
        var at = text.IndexOf("pid=", StringComparison.Ordinal);
        if (!result.Succeeded || at < 0)
        {
            return false;
        }

        var digits = new string([.. text[(at + 4)..].TakeWhile(char.IsAsciiDigit)]);
        using var master = Process.GetProcessById(int.Parse(digits, CultureInfo.InvariantCulture));
        master.Kill();
        _masterStarted = false;
        return true;
    }

    /// <summary>Ends the master connection and removes the control directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_masterStarted)
        {
            var exit = new ProcessStartInfo("ssh") { UseShellExecute = false };
            foreach (var arg in (string[])[.. BaseArguments(), "-O", "exit", _destination.Target])
            {
                exit.ArgumentList.Add(arg);
            }

            await ProcessRunner.RunAsync(exit, TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(false);
            _masterStarted = false;
        }

        try
        {
            _controlDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A master still shutting down may hold its socket a moment; the directory is in /tmp and empty soon.
        }
    }

    /// <summary>Arguments for one command: never a master of its own (ControlMaster=no) — it uses ours, or connects directly.</summary>
    internal IReadOnlyList<string> CommandArguments(string shellCommand) =>
        [.. BaseArguments(), "-o", "ControlMaster=no", _destination.Target, "--", shellCommand];

    internal IReadOnlyList<string> BaseArguments()
    {
        var args = new List<string>();
        if (_destination.ConfigFile is { } config)
        {
            args.AddRange(["-F", config]);
        }

        args.AddRange([
            "-o", "BatchMode=yes",
            "-o", $"ConnectTimeout={Seconds(_settings.ConnectTimeout)}",
            "-o", $"ServerAliveInterval={Seconds(_settings.ServerAliveInterval)}",
            "-o", $"ServerAliveCountMax={_settings.ServerAliveCountMax.ToString(CultureInfo.InvariantCulture)}",
            "-o", $"ControlPath={ControlPath}",
        ]);
        if (_destination.Port is { } port)
        {
            args.AddRange(["-p", port.ToString(CultureInfo.InvariantCulture)]);
        }

        if (_destination.IdentityFile is { } identity)
        {
            args.AddRange(["-i", identity, "-o", "IdentitiesOnly=yes"]);
        }

        foreach (var option in _destination.Options)
        {
            args.AddRange(["-o", option]);
        }

        return args;
    }

    private static string Seconds(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

/// <summary>Timeouts of the SSH transport.</summary>
/// <param name="ServerAliveInterval">With <paramref name="ServerAliveCountMax"/>: a silent connection is declared dead after their product.</param>
public sealed record SshSettings(
    TimeSpan ConnectTimeout = default,
    TimeSpan ServerAliveInterval = default,
    int ServerAliveCountMax = 3,
    TimeSpan ControlPersist = default,
    TimeSpan CommandTimeout = default)
{
    public TimeSpan ConnectTimeout { get; init; } = ConnectTimeout == default ? TimeSpan.FromSeconds(10) : ConnectTimeout;

    public TimeSpan ServerAliveInterval { get; init; } = ServerAliveInterval == default ? TimeSpan.FromSeconds(2) : ServerAliveInterval;

    /// <summary>How long the master outlives its last command: bounds a master left behind when Faceoff is killed.</summary>
    public TimeSpan ControlPersist { get; init; } = ControlPersist == default ? TimeSpan.FromSeconds(60) : ControlPersist;

    public TimeSpan CommandTimeout { get; init; } = CommandTimeout == default ? TimeSpan.FromSeconds(30) : CommandTimeout;
}
