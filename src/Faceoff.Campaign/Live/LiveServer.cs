using Faceoff.Campaign.Execution;
using Faceoff.Campaign.Model;
using Faceoff.Reporting.Model;
using Faceoff.Statistics;
using Faceoff.Targets;

namespace Faceoff.Campaign.Live;

/// <summary>A server started by the Targets library, seen through the runner's seam.</summary>
internal sealed class LiveServer(RunningServer server, string readinessPath) : IServer
{
    // Short enough that a Ctrl-C does not wait long for a server that ignores SIGTERM.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(250);
    private const int LogTailLines = 40;

    public Uri BaseUri => server.BaseUri;

    public int Pid => server.Pid;

    public bool HasExited => server.HasExited;

    public string LogPath => server.LogPath;

    public IResourceMeter StartMeter() => new Meter(server.StartSampling(SampleInterval));

    public Task<bool> IsAnsweringAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        ServerProbe.AnswersAsync(server.BaseUri, readinessPath, timeout, cancellationToken);

    public ServerFailure DescribeFailure(Side side, string profile, ServerFailureKind kind, string message)
    {
        var exit = server.Exit;
        var detail = exit is null ? message : $"{message}; the process {exit.Description}";
        return new ServerFailure(side, profile, kind, detail, exit?.ExitCode,
            exit?.Signal is { } signal ? ExitInfo.SignalName(signal) : null, server.LogTail(LogTailLines), server.LogPath);
    }

    public Task StopAsync() => server.StopAsync(StopGrace);

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private sealed class Meter(ResourceSampler sampler) : IResourceMeter
    {
        public ServerResources Stop()
        {
            var summary = sampler.Stop();
            return new ServerResources(Math.Round(summary.CpuSeconds, 3), summary.RssBeforeKiB, summary.RssAfterKiB, summary.PeakRssKiB);
        }
    }
}
