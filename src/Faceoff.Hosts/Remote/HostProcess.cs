using System.Diagnostics;
using System.Globalization;

namespace Faceoff.Hosts.Remote;

/// <summary>
/// A process started on a host through <see cref="ProcessWrapper"/>. Its output (stdout and stderr) is appended to a
/// local log file as it arrives. Stop it with <see cref="StopAsync"/>; if Faceoff dies instead, the closed channel
/// stops it on the host.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _pid = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StreamWriter _log;
    private readonly Lock _logGate = new();
    private readonly Task _pumps;
    private readonly TimeSpan _grace;

    private HostProcess(IHost host, Process process, string logPath, TimeSpan grace)
    {
        Host = host;
        _process = process;
        _grace = grace;
        LogPath = logPath;
        _log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        _pumps = Task.WhenAll(PumpAsync(process.StandardOutput, findPid: true), PumpAsync(process.StandardError, findPid: false));
        Exited = ExitAsync();
    }

    public IHost Host { get; }

    public string LogPath { get; }

    /// <summary>
    /// The local ssh (or sh) process of the session. Over a multiplexed connection, killing it does not end the
    /// session: the master holds its streams. What ends it is the master going (<see cref="Transport.SshHost.BreakConnectionAsync"/>)
    /// or this process's end of stdin closing, which happens when Faceoff exits for any reason.
    /// </summary>
    public int SessionPid => _process.Id;

    /// <summary>Completes with the command's exit code (the wrapper's: 128+signal when it was killed).</summary>
    public Task<int> Exited { get; }

    /// <summary>
    /// Starts <paramref name="command"/> on <paramref name="host"/> and waits until the wrapper reports the process
    /// group id (= the pid of the command's root process) on the host.
    /// </summary>
    /// <exception cref="HostProcessException">The session ended before the process started (e.g. host unreachable).</exception>
    public static async Task<HostProcess> StartAsync(
        IHost host, string command, string logPath, CancellationToken ct, TimeSpan? grace = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        var stopGrace = grace ?? TimeSpan.FromSeconds(3);
        var start = host.CreateStartInfo(ProcessWrapper.Wrap(command, stopGrace));
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new HostProcessException($"host '{host.Name}': could not start {start.FileName}");
        var handle = new HostProcess(host, process, logPath, stopGrace);
        var first = await Task.WhenAny(handle._pid.Task, handle.Exited).WaitAsync(ct).ConfigureAwait(false);
        if (first == handle._pid.Task)
        {
            handle.Pid = await handle._pid.Task.ConfigureAwait(false);
            return handle;
        }

        await handle.DisposeAsync().ConfigureAwait(false);
        throw new HostProcessException(
            $"host '{host.Name}': the session ended (exit {await handle.Exited.ConfigureAwait(false)}) before the process started; see {logPath}");
    }

    /// <summary>The pid of the command's root process on the host (also its process group id).</summary>
    public int Pid { get; private set; }

    /// <summary>
    /// Stops the whole process group on the host: closes the session's stdin, so the wrapper sends SIGTERM and, after
    /// the grace period, SIGKILL. If the session does not end in time, the group is killed with a separate command
    /// and the local end cut.
    /// </summary>
    public async Task<int?> StopAsync()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The session is already gone.
        }

        try
        {
            return await Exited.WaitAsync(_grace + TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await Host.RunAsync($"kill -KILL -{Pid.ToString(CultureInfo.InvariantCulture)}", TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(false);
            _process.Kill(entireProcessTree: true);
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await StopAsync().ConfigureAwait(false);
        }

        await _pumps.ConfigureAwait(false);
        _process.Dispose();
        await _log.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<int> ExitAsync()
    {
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        await _pumps.ConfigureAwait(false);
        return _process.ExitCode;
    }

    private async Task PumpAsync(StreamReader reader, bool findPid)
    {
        while (await reader.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
        {
            if (findPid && !_pid.Task.IsCompleted && line.StartsWith(ProcessWrapper.PidMarker, StringComparison.Ordinal)
                && int.TryParse(line.AsSpan(ProcessWrapper.PidMarker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                _pid.TrySetResult(pid);
                continue;
            }

            lock (_logGate)
            {
                _log.WriteLine(line);
            }
        }
    }
}

/// <summary>A process could not be started on a host.</summary>
public sealed class HostProcessException(string message) : Exception(message);
