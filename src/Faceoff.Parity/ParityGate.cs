using System.Collections.Immutable;
using System.Diagnostics;
using Faceoff.Parity.Checks;
using Faceoff.Protocol.Model;
using Faceoff.Targets;
using Faceoff.Targets.Prepare;

namespace Faceoff.Parity;

/// <summary>
/// The parity gate: proves both apps of every pair do the same work before any timing. Starts each pair's servers,
/// runs contract, transport, equivalence and keep-alive checks (C01–C04), then each framework's constrained variant
/// for backpressure (C05), and stops every server it started. Failures are findings in the report, never exceptions.
/// </summary>
public static class ParityGate
{
    public static async Task<ParityReport> RunAsync(
        CampaignProtocol protocol, PreparedEnvironment environment, ParityOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var pairs = ImmutableArray.CreateBuilder<PairResult>();
        var dateChecks = new Dictionary<string, ParityFinding>(StringComparer.Ordinal);
        foreach (var pair in protocol.Pairs)
        {
            pairs.Add(await RunPairAsync(protocol, environment, options, pair, dateChecks, ct).ConfigureAwait(false));
        }

        var frameworks = ImmutableArray.CreateBuilder<FrameworkResult>();
        foreach (var (frameworkId, profile, port) in FrameworksInOrder(protocol))
        {
            frameworks.Add(await RunFrameworkAsync(protocol, environment, options, frameworkId, profile, port, dateChecks, ct).ConfigureAwait(false));
        }

        return ReportAssembler.Assemble(protocol, startedAt, clock.Elapsed, pairs.ToImmutable(), frameworks.ToImmutable());
    }

    /// <summary>The C01–C04 checks of one pair against servers that are already up (or recorded as failed to start).</summary>
    public static async Task<PairResult> CheckPairAsync(
        CampaignProtocol protocol, PairDefinition pair, ServerRecord candidate, ServerRecord reference, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(reference);
        var (scenarios, keepAlive) = await PairParity.RunAsync(protocol, pair, Side(candidate), Side(reference), timeout, ct).ConfigureAwait(false);
        var findings = scenarios.SelectMany(s => s.Findings).Concat(keepAlive);
        return new PairResult(pair.Name, ParityVerdict.Worst(findings), candidate, reference, scenarios, protocol.Parity.KeepAliveScenario, keepAlive, []);
    }

    private static async Task<PairResult> RunPairAsync(
        CampaignProtocol protocol, PreparedEnvironment environment, ParityOptions options, PairDefinition pair,
        Dictionary<string, ParityFinding> dateChecks, CancellationToken ct)
    {
        options.Progress?.Invoke($"parity: pair {pair.Name}: starting {pair.CandidateProfile} and {pair.ReferenceProfile}");
        var starts = new[]
        {
            StartAsync(protocol, environment, options, pair.CandidateProfile, pair.CandidatePort, constrained: false, ct),
            StartAsync(protocol, environment, options, pair.ReferenceProfile, pair.ReferencePort, constrained: false, ct),
        };
        (ServerRecord Record, IParityServer? Server)[] started;
        try
        {
            started = await Task.WhenAll(starts).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // One side may be up while the other's start was cancelled: never leave it running.
            await Task.WhenAll(starts.Where(t => t.IsCompletedSuccessfully).Select(t => StopAsync(t.Result.Server, options))).ConfigureAwait(false);
            throw;
        }

        try
        {
            // Date freshness needs two reads a second apart: once per framework, overlapped with the pair's checks.
            var pending = started.Where(s => s.Server is not null && !dateChecks.ContainsKey(s.Record.Framework))
                .DistinctBy(s => s.Record.Framework)
                .Select(s => (s.Record.Framework, Task: TransportChecks.DateAdvancesAsync(
                    s.Server!.BaseUri, protocol.Frameworks[s.Record.Framework].Readiness.Path, s.Record.Framework, options.RequestTimeout, ct)))
                .ToList();
            options.Progress?.Invoke($"parity: pair {pair.Name}: checking {protocol.ScenariosFor(pair).Length} scenario(s) and keep-alive");
            var result = await CheckPairAsync(protocol, pair, started[0].Record, started[1].Record, options.RequestTimeout, ct).ConfigureAwait(false);
            if (options.Database is { } database)
            {
                result = await DataParity.AddAsync(protocol, pair, result, database, options.RequestTimeout, ct).ConfigureAwait(false);
            }
            foreach (var (framework, task) in pending)
            {
                dateChecks[framework] = await task.ConfigureAwait(false);
            }

            var health = started.Select(s => Health(s.Server, s.Record)).OfType<ParityFinding>().ToImmutableArray();
            return WithWorstStatus(result with { ServerHealth = health });
        }
        finally
        {
            await Task.WhenAll(started.Select(s => StopAsync(s.Server, options))).ConfigureAwait(false);
        }
    }

    private static async Task<FrameworkResult> RunFrameworkAsync(
        CampaignProtocol protocol, PreparedEnvironment environment, ParityOptions options, string frameworkId, string profile, int port,
        Dictionary<string, ParityFinding> dateChecks, CancellationToken ct)
    {
        ImmutableArray<ParityFinding> transport = dateChecks.TryGetValue(frameworkId, out var date) ? [date] : [];
        var framework = protocol.Frameworks[frameworkId];
        if (framework.Constrained is not { } variant)
        {
            var skipped = ParityFinding.Warn(
                "backpressure.variant", frameworkId, "no constrained variant in the protocol: overload behaviour not checked", "a constrained variant", "none");
            return new FrameworkResult(frameworkId, ParityStatus.Warn, transport, [skipped], null, null);
        }

        options.Progress?.Invoke($"parity: {frameworkId}: backpressure (C05) on the constrained variant");
        var (record, server) = await StartAsync(protocol, environment, options, profile, port, constrained: true, ct).ConfigureAwait(false);
        try
        {
            if (server is null)
            {
                var failed = ParityFinding.Fail("server.start", record.Name, $"constrained server did not start: {record.StartFailure}", "a running server", record.StartFailure);
                return new FrameworkResult(frameworkId, ParityStatus.Fail, transport, [failed], null, record);
            }

            var plan = BackpressurePlan.From(protocol.Parity, variant, framework.Readiness.Path);
            var result = await BackpressureCheck.RunAsync(server.BaseUri, plan, frameworkId, ct).ConfigureAwait(false);
            var findings = Health(server, record) is { } crash ? result.Findings.Add(crash) : result.Findings;
            return new FrameworkResult(frameworkId, ParityVerdict.Worst([.. transport, .. findings]), transport, findings, result.Observation, record);
        }
        finally
        {
            await StopAsync(server, options).ConfigureAwait(false);
        }
    }

    /// <summary>Each framework once, with the first profile and port a pair gives it (servers of that pair are stopped by then).</summary>
    private static IEnumerable<(string Framework, string Profile, int Port)> FrameworksInOrder(CampaignProtocol protocol) =>
        protocol.Pairs
            .SelectMany(p => new[] { (Profile: p.CandidateProfile, Port: p.CandidatePort), (Profile: p.ReferenceProfile, Port: p.ReferencePort) })
            .Select(s => (protocol.Profiles[s.Profile].FrameworkId, s.Profile, s.Port))
            .DistinctBy(s => s.FrameworkId);

    private static async Task<(ServerRecord Record, IParityServer? Server)> StartAsync(
        CampaignProtocol protocol, PreparedEnvironment environment, ParityOptions options, string profileId, int port, bool constrained, CancellationToken ct)
    {
        var profile = protocol.Profiles[profileId];
        var framework = protocol.Frameworks[profile.FrameworkId];
        var name = constrained ? $"parity-{framework.Id}-constrained" : $"parity-{profileId}";
        ImmutableDictionary<string, string> placeholders = environment.Frameworks.TryGetValue(framework.Id, out var prepared)
            ? prepared.Placeholders
            : ImmutableDictionary<string, string>.Empty;
        var launch = new ServerLaunch(name, framework, profile, protocol.Host, port, constrained, options.LogDirectory, placeholders);
        var result = await (options.Servers ?? new LocalParityLauncher(options.Launcher)).StartAsync(launch, ct).ConfigureAwait(false);
        var server = result.Server;
        var record = new ServerRecord(
            name, profileId, framework.Id, constrained, server?.BaseUri.ToString(), server?.Pid, server?.LogPath, result.Failure, result.LogTail);
        return (record, server);
    }

    private static async Task StopAsync(IParityServer? server, ParityOptions options)
    {
        if (server is not null)
        {
            await server.StopAsync(options.StopGrace).ConfigureAwait(false);
        }
    }

    /// <summary>A server that died during the checks crashed under them; that fails the gate even if its answers looked right.</summary>
    private static ParityFinding? Health(IParityServer? server, ServerRecord record) =>
        server is { HasExited: true } exited
            ? ParityFinding.Fail("server.exit", record.Name, $"{record.Name} {exited.ExitDescription ?? "exited"} during the parity checks; log: {record.LogPath}", "running", exited.ExitDescription)
            : null;

    /// <summary>The pair's status recomputed from all of its findings, after more were added to it.</summary>
    internal static PairResult WithWorstStatus(PairResult result) =>
        result with { Status = ParityVerdict.Worst(result.Scenarios.SelectMany(s => s.Findings).Concat(result.KeepAlive).Concat(result.ServerHealth)) };

    /// <summary>A side to check: the started server's address, or why it has none.</summary>
    internal static ParitySide Side(ServerRecord record) =>
        record.BaseUri is { } uri ? ParitySide.At(record.Profile, new Uri(uri)) : new ParitySide(record.Profile, null, record.StartFailure ?? "not started");
}
