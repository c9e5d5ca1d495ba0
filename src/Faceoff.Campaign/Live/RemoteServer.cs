using System.Collections.Immutable;
using System.Diagnostics;
using Faceoff.Campaign.Execution;
using Faceoff.Campaign.Model;
using Faceoff.Hosts;
using Faceoff.Hosts.Remote;
using Faceoff.Reporting.Model;
using Faceoff.Statistics;
using Faceoff.Targets;

namespace Faceoff.Campaign.Live;

/// <summary>
/// A server running on another host through <see cref="HostProcess"/>: its output streams into the local log,
/// readiness and load go to the host's address, CPU/RSS come from the host's /proc, and it stops (no orphans)
/// when Faceoff stops it, dies or loses the connection.
/// </summary>
internal sealed class RemoteServer : IServer
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);
    private const int LogTailLines = 40;

    private readonly HostProcess _process;
    private readonly string _readinessPath;

    private RemoteServer(HostProcess process, Uri baseUri, string readinessPath)
    {
        _process = process;
        BaseUri = baseUri;
        _readinessPath = readinessPath;
    }

    public Uri BaseUri { get; }

    /// <summary>The pid on the server host (not on this machine).</summary>
    public int Pid => _process.Pid;

    public bool HasExited => _process.Exited.IsCompleted;

    public string LogPath => _process.LogPath;

    /// <summary>Starts the command on the host and waits until its readiness probe answers 200 from here.</summary>
    public static async Task<ServerStart> StartAsync(IHost host, ServerSpec spec, string command, Uri baseUri, CancellationToken ct)
    {
        Directory.CreateDirectory(spec.LogDirectory);
        var logPath = UniqueLog(spec.LogDirectory, $"{spec.Name}-on-{host.Name}");
        await File.WriteAllTextAsync(logPath, $"# starting '{spec.Name}' on host '{host.Name}': {host.DescribeCommand(command)}\n", ct).ConfigureAwait(false);
        HostProcess process;
        try
        {
            process = await HostProcess.StartAsync(host, command, logPath, ct, StopGrace).ConfigureAwait(false);
        }
        catch (HostProcessException e)
        {
            return new ServerStart(null, Failure(spec, e.Message, null, logPath));
        }
        var server = new RemoteServer(process, baseUri, spec.Framework.Readiness.Path);
        var timeout = TimeSpan.FromSeconds(spec.Framework.Readiness.TimeoutSeconds);
        var clock = Stopwatch.StartNew();
        try
        {
            while (clock.Elapsed < timeout)
            {
                if (server.HasExited)
                {
                    var code = await process.Exited.ConfigureAwait(false);
                    await process.DisposeAsync().ConfigureAwait(false);
                    return new ServerStart(null, Failure(spec, $"'{spec.Name}' exited with code {code} on host '{host.Name}' before {new Uri(baseUri, spec.Framework.Readiness.Path)} answered 200", code, logPath));
                }
                if (await server.IsAnsweringAsync(TimeSpan.FromSeconds(2), ct).ConfigureAwait(false))
                {
                    return new ServerStart(server, null);
                }
                await Task.Delay(ProbeInterval, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        await process.DisposeAsync().ConfigureAwait(false);
        return new ServerStart(null, Failure(spec,
            $"'{spec.Name}' on host '{host.Name}' did not answer 200 on {new Uri(baseUri, spec.Framework.Readiness.Path)} within {timeout.TotalSeconds:0.#} s; it was stopped", null, logPath));
    }

    public IResourceMeter StartMeter() => new RemoteMeter(_process.Host, _process.Pid);

    public Task<bool> IsAnsweringAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        ServerProbe.AnswersAsync(BaseUri, _readinessPath, timeout, cancellationToken);

    public ServerFailure DescribeFailure(Side side, string profile, ServerFailureKind kind, string message)
    {
        int? code = _process.Exited.IsCompletedSuccessfully ? _process.Exited.Result : null;
        var detail = code is null ? message : $"{message}; the process on host '{_process.Host.Name}' ended with code {code}";
        var signal = code is > 128 and <= 128 + 64 ? ExitInfo.SignalName(code.Value - 128) : null;
        return new ServerFailure(side, profile, kind, detail, signal is null ? code : null, signal, Redaction.UrlPasswords(LogFiles.Tail(LogPath, LogTailLines)), LogPath);
    }

    public Task StopAsync() => _process.StopAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static ServerFailure Failure(ServerSpec spec, string message, int? code, string logPath) =>
        new(spec.Side, spec.Profile.Id, ServerFailureKind.StartFailed, $"{message}. Log: {logPath}", code, null,
            Redaction.UrlPasswords(LogFiles.Tail(logPath, LogTailLines)), logPath);

    private static string UniqueLog(string directory, string stem)
    {
        for (var n = 1; ; n++)
        {
            var path = Path.Combine(directory, n == 1 ? $"{stem}.log" : $"{stem}.{n}.log");
            if (!File.Exists(path))
            {
                return path;
            }
        }
    }

    /// <summary>Samples the remote tree on a loop (each sample is one channel round trip) and summarises as the local sampler does.</summary>
    private sealed class RemoteMeter : IResourceMeter, IDisposable
    {
        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
        private readonly IHost _host;
        private readonly int _pid;
        private readonly List<ResourceSnapshot> _samples = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public RemoteMeter(IHost host, int pid)
        {
            _host = host;
            _pid = pid;
            _loop = Task.Run(LoopAsync);
        }

        public ServerResources Stop()
        {
            _stop.Cancel();
            // The loop takes a last sample on its way out; waiting here is bounded by one round trip.
            _loop.Wait(TimeSpan.FromSeconds(20));
            Dispose();
            ImmutableArray<ResourceSnapshot> samples;
            lock (_samples)
            {
                samples = [.. _samples];
            }
            if (samples.Length == 0)
            {
                return new ServerResources(0, 0, 0, 0);
            }
            var cpu = Math.Max(0, samples.Max(s => s.CpuSeconds) - samples[0].CpuSeconds);
            return new ServerResources(Math.Round(cpu, 3), samples[0].RssKiB, samples[^1].RssKiB, samples.Max(s => s.RssKiB));
        }

        public void Dispose() => _stop.Dispose();

        private async Task LoopAsync()
        {
            while (true)
            {
                var stopping = _stop.IsCancellationRequested;
                var (snapshot, _) = await ProcessTreeSampler.SampleAsync(_host, _pid, CancellationToken.None).ConfigureAwait(false);
                if (snapshot is { ProcessCount: > 0 })
                {
                    lock (_samples)
                    {
                        _samples.Add(snapshot);
                    }
                }
                if (stopping)
                {
                    return;
                }
                try
                {
                    await Task.Delay(Interval, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Stop asked: one more sample closes the window.
                }
            }
        }
    }
}
