using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Faceoff.Apps.Tests.Infrastructure;

/// <summary>One reference app process on a loopback port; disposing kills its whole process tree.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private RunningApp(AppKind kind, int port, Process process)
    {
        Kind = kind;
        Command = string.Join(' ', [process.StartInfo.FileName, .. process.StartInfo.ArgumentList]);
        BaseUri = new Uri($"http://127.0.0.1:{port}");
        _process = process;
    }

    public AppKind Kind { get; }

    public Uri BaseUri { get; }

    public string Command { get; }

    /// <summary>Readiness probes that got an HTTP answer, i.e. requests the app itself has counted.</summary>
    public int ProbeResponses { get; private set; }

    public bool HasExited => _process.HasExited;

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

    /// <summary>Starts the app on a free port and waits until GET /healthz answers 200.</summary>
    public static async Task<RunningApp> StartAsync(AppKind kind, IReadOnlyDictionary<string, string> environment)
    {
        // Another process may grab the port between probing and binding; a fresh port fixes that.
        for (var attempt = 1; ; attempt++)
        {
            var app = Spawn(kind, environment);
            try
            {
                await app.WaitReadyAsync().ConfigureAwait(false);
                return app;
            }
            catch (InvalidOperationException) when (attempt < 3 && app.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await app.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Starts the app without waiting for readiness (for start-up failure tests).</summary>
    public static RunningApp Spawn(AppKind kind, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var info = AppCommands.For(kind, port);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var app = new RunningApp(kind, port, process);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.Start();
        ProcessReaper.Track(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>The exit code, or null if the process is still running after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        ProcessReaper.Kill(_process);
        await WaitForExitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _process.Dispose();
    }

    public override string ToString() => $"{Kind} at {BaseUri}";

    private async Task WaitReadyAsync()
    {
        using var client = Http.NewClient(TimeSpan.FromSeconds(2));
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                // Let the asynchronous readers drain the last lines before reporting them.
                await _process.WaitForExitAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"{this} exited with {_process.ExitCode} before it was ready ({Command}):\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseUri, "/healthz")).ConfigureAwait(false);
                ProbeResponses++;
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Probe timed out; try again.
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"{this} was not ready within {ReadyTimeout.TotalSeconds} s ({Command}):\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
