using System.Collections.Immutable;
using Faceoff.Campaign.Execution;
using Faceoff.Campaign.Model;
using Faceoff.Load;
using Faceoff.Statistics;

namespace Faceoff.Campaign.Tests.Fakes;

/// <summary>What a fake pass does to its server.</summary>
internal enum PassFault
{
    None,

    /// <summary>The process exits in the middle of the pass.</summary>
    Crash,

    /// <summary>The process stays up but every request fails and the readiness probe stops answering.</summary>
    Hang,
}

/// <summary>
/// A backend without processes or sockets: servers are objects, passes return made-up numbers at once
/// and advance the manual clock by their duration. Faults are injected per (server, pass number).
/// </summary>
internal sealed class FakeBackend(ManualClock clock) : ICampaignBackend
{
    private int _nextPid = 1000;

    public List<FakeServer> Servers { get; } = [];

    public bool ParityPasses { get; set; } = true;

    public int ParityRuns { get; private set; }

    public int PassCount { get; private set; }

    /// <summary>Which servers may not start, by profile id.</summary>
    public HashSet<string> Unstartable { get; } = [];

    /// <summary>Decides the fault of the n-th pass (1-based) a server process serves.</summary>
    public Func<FakeServer, int, PassFault> Fault { get; set; } = (_, _) => PassFault.None;

    /// <summary>The campaign's database, when the test has one.</summary>
    public FakeDatabase? Db { get; set; }

    public ICampaignDatabase? Database => Db;

    /// <summary>The machine-speed probe, when the test has one.</summary>
    public FakeMachine? Speed { get; set; }

    public IMachineSpeed? Machine => Speed;

    /// <summary>What the n-th pass of the whole run (1-based) does to the database.</summary>
    public Action<FakeDatabase, int>? DatabaseEffect { get; set; }

    /// <summary>Throughput of the n-th pass a server process serves.</summary>
    public Func<FakeServer, int, double> Throughput { get; set; } = (_, _) => 1000;

    public Task<PrepareOutcome> PrepareAsync(string runDirectory, CancellationToken cancellationToken) =>
        Task.FromResult(new PrepareOutcome(true, null, null));

    public Task<ParityOutcome> RunParityAsync(string runDirectory, CancellationToken cancellationToken)
    {
        ParityRuns++;
        return Task.FromResult(ParityPasses
            ? new ParityOutcome(true, null, "parity/parity_report.json", [])
            : new ParityOutcome(false, "C01 healthz on fw: status 500, expected 200", "parity/parity_report.json", []));
    }

    public Task<ServerStart> StartServerAsync(ServerSpec spec, CancellationToken cancellationToken)
    {
        if (Unstartable.Contains(spec.Profile.Id))
        {
            return Task.FromResult(new ServerStart(null,
                new ServerFailure(spec.Side, spec.Profile.Id, ServerFailureKind.StartFailed, "readiness timed out", 1, null, "cannot bind", null)));
        }
        var server = new FakeServer(spec, _nextPid++);
        Servers.Add(server);
        return Task.FromResult(new ServerStart(server, null));
    }

    public async Task<PassOutcome> RunPassAsync(PassRequest request, IProgress<LoadProgress>? live, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var server = Servers.Last(s => s.BaseUri == request.BaseUri && !s.Stopped);
        PassCount++;
        if (Db is { } db)
        {
            DatabaseEffect?.Invoke(db, PassCount);
        }
        var n = ++server.Passes;
        var seconds = request.Bound.DurationSeconds ?? 1;
        switch (Fault(server, n))
        {
            case PassFault.Crash:
                server.HasExited = true;
                // Like the real engine: the pass only ends when the runner notices the exit and cancels it.
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
            case PassFault.Hang:
                server.Answering = false;
                clock.Advance(seconds);
                return Outcome(request, 0, 50);
        }
        var rps = Throughput(server, n);
        live?.Report(new LoadProgress(TimeSpan.FromSeconds(seconds), (long)(rps * seconds), 0, rps));
        clock.Advance(seconds);
        return Outcome(request, rps, 0);
    }

    private static PassOutcome Outcome(PassRequest request, double rps, long errors)
    {
        var seconds = request.Bound.DurationSeconds ?? 1;
        var requests = (long)(rps * seconds) + errors;
        var summary = new PassMeasurement(requests, errors, seconds, rps, rps * 150,
            new LatencyStats(110, 20, 100, 120, 150, 170, 250, 400, 450, 500), [(long)rps], [errors],
            ImmutableSortedDictionary<string, long>.Empty.Add("200", requests - errors),
            errors > 0 ? ImmutableSortedDictionary<string, long>.Empty.Add("timeout", errors) : ImmutableSortedDictionary<string, long>.Empty,
            request.SampleEvery > 0 ? requests / request.SampleEvery : 0, 0, [], null);
        return request.KeepLoadResult
            ? new PassOutcome(summary, $"{{\"rps\": {rps}}}", $"Tag=latency,0.0,{seconds},1.0,HISTFAKE\n")
            : new PassOutcome(summary, null, null);
    }
}
