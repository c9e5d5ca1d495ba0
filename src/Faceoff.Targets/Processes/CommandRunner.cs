using System.ComponentModel;
using System.Diagnostics;

namespace Faceoff.Targets.Processes;

/// <summary>How a short-lived command ended.</summary>
/// <param name="ExitCode">Null when it could not start or was stopped for taking too long.</param>
/// <param name="Output">Stdout and stderr interleaved as they arrived (the last lines when the output was very long).</param>
/// <param name="Failure">Why there is no exit code.</param>
internal sealed record CommandOutcome(int? ExitCode, string Output, string? Failure)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>One line for messages: the failure, or the exit code.</summary>
    public string Describe() => Failure ?? $"exit code {ExitCode}";
}

/// <summary>Runs build steps, pip, and version probes: captures output, optionally into a log file.</summary>
internal static class CommandRunner
{
    private const int KeptLines = 2000;

    /// <summary>How long output may keep arriving after exit (from a grandchild that inherited the pipe).</summary>
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    public static async Task<CommandOutcome> RunAsync(
        string command,
        IEnumerable<string> args,
        TimeSpan timeout,
        CancellationToken ct,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        string? logPath = null)
    {
        var info = new ProcessStartInfo(command)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var lines = new Queue<string>();
        using var log = logPath is null ? null : new StreamWriter(logPath, append: true) { AutoFlush = true };
        var gate = new Lock();
        var open = 2;
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            lock (gate)
            {
                if (line is null)
                {
                    if (--open == 0)
                    {
                        drained.TrySetResult();
                    }

                    return;
                }

                log?.WriteLine(line);
                lines.Enqueue(line);
                if (lines.Count > KeptLines)
                {
                    lines.Dequeue();
                }
            }
        }

        // The Exited event, not WaitForExitAsync: the latter also waits for end-of-file on the pipes, which a
        // grandchild that inherited them (a build server, say) can hold open long after the command is done.
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.Exited += (_, _) => exited.TrySetResult();
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            return new CommandOutcome(null, string.Empty, $"could not start '{command}': {ex.Message}");
        }

        // Nothing reads stdin; closing it makes a program that asks a question fail instead of hanging.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        string? failure = null;
        try
        {
            await exited.Task.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await exited.Task.ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            failure = $"'{command}' did not finish within {timeout.TotalSeconds:0.#} s and was killed";
        }

        await Task.WhenAny(drained.Task, Task.Delay(DrainGrace, CancellationToken.None)).ConfigureAwait(false);
        lock (gate)
        {
            return new CommandOutcome(failure is null ? process.ExitCode : null, string.Join('\n', lines), failure);
        }
    }
}
