using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Faceoff.Testing;

/// <summary>
/// <c>dotnet faceoff.dll ...</c> as a child process with its output captured, so a test can signal or kill it
/// mid-run. Disposing kills whatever is left of it (the whole tree: servers it started must not outlive the test).
/// </summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CliProcess(string faceoffDll, string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(faceoffDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        // The tests must not inherit overrides from the developer's shell.
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>()
                     .Where(n => n.StartsWith("FACEOFF_", StringComparison.Ordinal) || n.StartsWith("ARLEN_", StringComparison.Ordinal)))
        {
            info.Environment.Remove(name);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The CLI a test project gets beside its own binaries from its project reference to Faceoff.Cli.</summary>
    public static string FaceoffDll { get; } = Path.Combine(AppContext.BaseDirectory, "faceoff.dll");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static CliProcess Start(string workingDirectory, params string[] args) => new(FaceoffDll, workingDirectory, args, null);

    /// <summary>The same with extra environment variables, set after the inherited FACEOFF_* and ARLEN_* ones are removed.</summary>
    public static CliProcess StartWith(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] args) =>
        new(FaceoffDll, workingDirectory, args, environment);

    /// <summary>Waits for the exit (bounded, so a hung run fails the test instead of hanging it) and returns the exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"faceoff did not exit within {limit.TotalSeconds} s; output so far:\n{Output}");
        }
        return _process.ExitCode;
    }

    /// <summary>Sends <paramref name="signal"/> to faceoff alone, as a user's Ctrl-C or a supervisor would.</summary>
    public void Signal(int signal) => _ = Kill(_process.Id, signal);

    /// <summary>SIGKILL to faceoff alone (not its children), as a crash or an OOM kill would, and waits for it to be gone.</summary>
    public void KillOnly()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
