using Faceoff.Campaign.Execution;
using Faceoff.Parity;
using Faceoff.Protocol.Model;
using Faceoff.Reporting.Model;
using Faceoff.Targets;

namespace Faceoff.Campaign.Live;

/// <summary>
/// The parity gate's servers where the campaign measures them: a pair on a server host gets its gate servers started
/// there by <see cref="RemoteServer"/> (the same command, bind address and readiness probe as its measured servers),
/// so parity is checked against what is measured. Servers of local pairs use the local launcher.
/// </summary>
internal sealed class HostParityLauncher(CampaignProtocol protocol, CampaignHosts hosts, IParityLauncher local) : IParityLauncher
{
    public async Task<ParityServerStart> StartAsync(ServerLaunch launch, CancellationToken ct)
    {
        // The gate launches every server on a pair's own port (C05 on the first pair that uses the framework).
        var pair = protocol.Pairs.FirstOrDefault(p => p.CandidatePort == launch.Port || p.ReferencePort == launch.Port);
        if (pair is null || hosts.ServerHost(pair).IsLocal)
        {
            return await local.StartAsync(launch, ct).ConfigureAwait(false);
        }
        var host = hosts.ServerHost(pair);
        var side = pair.CandidatePort == launch.Port ? Side.Candidate : Side.Reference;
        var command = RemoteLaunch.StartCommand(launch.Framework, launch.Profile, launch.Placeholders, hosts.BindAddress(pair), launch.Port, launch.Constrained);
        var baseUri = new UriBuilder(Uri.UriSchemeHttp, hosts.TargetAddress(pair), launch.Port).Uri;
        var spec = new ServerSpec(pair.Name, side, launch.Profile, launch.Framework, hosts.TargetAddress(pair), launch.Port, launch.Name, launch.LogDirectory);
        var start = await RemoteServer.StartAsync(host, spec, command, baseUri, ct).ConfigureAwait(false);
        return start.Server is { } server
            ? new ParityServerStart(new Remote(server), null, null)
            : new ParityServerStart(null, start.Failure?.Message ?? $"'{launch.Name}' did not start on host '{host.Name}'", start.Failure?.LogTail);
    }

    private sealed class Remote(IServer server) : IParityServer
    {
        public Uri BaseUri => server.BaseUri;

        public int Pid => server.Pid;

        public string LogPath => server.LogPath;

        public bool HasExited => server.HasExited;

        public string? ExitDescription => server.HasExited ? "exited on its host" : null;

        public async Task StopAsync(TimeSpan grace)
        {
            // The host process has its own grace (RemoteServer); stopping also releases its ssh session.
            await server.StopAsync().ConfigureAwait(false);
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
