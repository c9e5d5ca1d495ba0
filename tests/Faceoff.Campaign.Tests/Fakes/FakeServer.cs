using Faceoff.Campaign.Execution;
using Faceoff.Campaign.Model;
using Faceoff.Reporting.Model;
using Faceoff.Statistics;

namespace Faceoff.Campaign.Tests.Fakes;

internal sealed class FakeServer(ServerSpec spec, int pid) : IServer
{
    public ServerSpec Spec { get; } = spec;

    public Uri BaseUri { get; } = new($"http://127.0.0.1:{spec.Port}/");

    public int Pid { get; } = pid;

    public bool HasExited { get; set; }

    public string LogPath => Path.Combine(Spec.LogDirectory, $"{Spec.Name}.log");

    public bool Stopped { get; private set; }

    public bool Answering { get; set; } = true;

    /// <summary>Passes this process has served so far.</summary>
    public int Passes { get; set; }

    public IResourceMeter StartMeter() => new Meter();

    public Task<bool> IsAnsweringAsync(TimeSpan timeout, CancellationToken cancellationToken) => Task.FromResult(Answering && !HasExited);

    public ServerFailure DescribeFailure(Side side, string profile, ServerFailureKind kind, string message) =>
        new(side, profile, kind, message, HasExited ? 137 : null, HasExited ? "SIGKILL" : null, "last log line", LogPath);

    public Task StopAsync()
    {
        Stopped = true;
        HasExited = true;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Meter : IResourceMeter
    {
        public ServerResources Stop() => new(0.5, 1000, 1100, 1200);
    }
}
