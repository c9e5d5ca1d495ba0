using Faceoff.Targets;

namespace Faceoff.Parity;

/// <summary>How the gate runs; the protocol decides what it checks.</summary>
/// <param name="LogDirectory">Where the servers the gate starts write their logs.</param>
public sealed record ParityOptions(string LogDirectory)
{
    /// <summary>Bound on any single request of the contract and keep-alive checks (C05 uses the protocol's own bounds).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan StopGrace { get; init; } = ServerLauncher.DefaultStopGrace;

    /// <summary>One line per step (servers starting, checks running), for a CLI or a campaign log; called on the gate's own thread.</summary>
    public Action<string>? Progress { get; init; }

    public ServerLauncher Launcher { get; init; } = new();

    /// <summary>Starts the servers instead of <see cref="Launcher"/> when set (e.g. on the pair's server host).</summary>
    public IParityLauncher? Servers { get; init; }

    /// <summary>The seeded database of a protocol with one: its scenarios under <c>/api/db/</c> get the data checks too.</summary>
    public Faceoff.Targets.Services.IDatabaseService? Database { get; init; }
}
