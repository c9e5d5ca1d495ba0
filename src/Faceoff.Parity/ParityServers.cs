using Faceoff.Targets;

namespace Faceoff.Parity;

/// <summary>A server the gate checks: on this machine (<see cref="RunningServer"/>) or on another host.</summary>
public interface IParityServer
{
    Uri BaseUri { get; }

    /// <summary>The server's pid on the machine it runs on.</summary>
    int Pid { get; }

    string LogPath { get; }

    bool HasExited { get; }

    /// <summary>How it ended, once it has (e.g. "exit code 1", "killed by SIGKILL").</summary>
    string? ExitDescription { get; }

    Task StopAsync(TimeSpan grace);
}

/// <summary>A ready server, or why there is none (<paramref name="LogTail"/>: the end of its log when it failed after starting).</summary>
public sealed record ParityServerStart(IParityServer? Server, string? Failure, string? LogTail);

/// <summary>Starts the gate's servers; <see cref="ParityOptions.Servers"/> replaces the local launcher, e.g. to run them on a server host.</summary>
public interface IParityLauncher
{
    Task<ParityServerStart> StartAsync(ServerLaunch launch, CancellationToken ct);
}

/// <summary>The gate's servers as local processes, through <see cref="ServerLauncher"/>.</summary>
public sealed class LocalParityLauncher(ServerLauncher launcher) : IParityLauncher
{
    public async Task<ParityServerStart> StartAsync(ServerLaunch launch, CancellationToken ct)
    {
        var result = await launcher.StartAsync(launch, ct).ConfigureAwait(false);
        return new ParityServerStart(result.Server is { } server ? new Local(server) : null, result.Failure, result.LogTail);
    }

    private sealed class Local(RunningServer server) : IParityServer
    {
        public Uri BaseUri => server.BaseUri;

        public int Pid => server.Pid;

        public string LogPath => server.LogPath;

        public bool HasExited => server.HasExited;

        public string? ExitDescription => server.Exit?.Description;

        public Task StopAsync(TimeSpan grace) => server.StopAsync(grace);
    }
}
