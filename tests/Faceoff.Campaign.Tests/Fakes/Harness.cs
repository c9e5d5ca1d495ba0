using Faceoff.Campaign.Model;
using Faceoff.Protocol.Model;

namespace Faceoff.Campaign.Tests.Fakes;

/// <summary>A runner over fakes in a temporary output directory, deleted on dispose.</summary>
internal sealed class Harness : IDisposable
{
    public Harness()
    {
        Backend = new FakeBackend(Clock);
    }

    public string OutputDirectory { get; } = Directory.CreateTempSubdirectory("faceoff-campaign-").FullName;

    public ManualClock Clock { get; } = new();

    public FakeBackend Backend { get; }

    public RecordingObserver Observer { get; } = new();

    public RecordingPublisher Publisher { get; } = new();

    /// <summary>Set to publish for real (through the Reporting library) instead of recording.</summary>
    public Execution.ICampaignPublisher? RealPublisher { get; set; }

    public Task<CampaignOutcome> RunAsync(
        CampaignProtocol protocol,
        bool resume = false,
        string? skipParity = null,
        bool quick = false,
        CancellationToken cancellationToken = default)
    {
        var runner = new CampaignRunner(Backend, RealPublisher ?? Publisher, Observer, Clock);
        var flags = new RunFlags(SkipBuild: false, skipParity, Pinning: null, Quick: quick);
        var request = new CampaignRequest(protocol, OutputDirectory, "20261126T143000Z", resume, flags, new Dictionary<string, string>());
        return runner.RunAsync(request, cancellationToken);
    }

    public void Dispose() => Directory.Delete(OutputDirectory, recursive: true);
}
