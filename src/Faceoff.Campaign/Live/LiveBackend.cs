using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Faceoff.Campaign.Execution;
using Faceoff.Campaign.Model;
using Faceoff.Load;
using Faceoff.Parity;
using Faceoff.Protocol;
using Faceoff.Protocol.Model;
using Faceoff.Protocol.Overrides;
using Faceoff.Statistics;
using Faceoff.Targets;
using Faceoff.Targets.Prepare;
using ReportModel = Faceoff.Reporting.Model;


namespace Faceoff.Campaign.Live;

/// <summary>
/// The real backend: Targets prepares and starts servers, Parity runs the gate, Load drives the passes.
/// Prepare must run first; the environment it resolves (interpreters, placeholders) feeds the rest.
/// </summary>
/// <param name="hosts">The campaign's hosts, connected by the caller; null or all local keeps the single-machine path.</param>
public sealed class LiveBackend(CampaignProtocol protocol, RunSettings settings, ServerPlacement placement, ICampaignObserver observer, CampaignHosts? hosts = null)
    : ICampaignBackend, IAsyncDisposable
{
    public const string ParityReportFile = "parity/parity_report.json";

    private readonly ServerLauncher _launcher = new();
    private PreparedEnvironment? _environment;
    private LiveDatabase? _database;
    private RemotePasses? _remote;
    private IReadOnlyList<string> _hostNotes = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Uri, PairDefinition> _pairsByServer = new();

    public ICampaignDatabase? Database => _database;

    public IMachineSpeed? Machine { get; } = new MachineSpeedProbe();

    public async Task<PrepareOutcome> PrepareAsync(string runDirectory, CancellationToken cancellationToken)
    {
        // The database first: a missing PostgreSQL fails prepare in a second, before minutes of builds.
        if (protocol.Database is { } definition)
        {
            observer.Notice(NoticeLevel.Info, $"starting and seeding the database service {definition.Id}");
            var (database, error) = await LiveDatabase.StartAsync(definition, runDirectory, protocol.Host, cancellationToken).ConfigureAwait(false);
            if (database is null)
            {
                return new PrepareOutcome(false, error, null);
            }
            _database = database;
        }
        var outcome = await PrepareEnvironmentAsync(runDirectory, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded && _database is { } started)
        {
            _database = null;
            await started.DisposeAsync().ConfigureAwait(false);
        }
        return outcome;
    }

    public Task ReleaseAsync()
    {
        // Per-host throughput for the pack, written before the publication reads the run directory.
        _remote?.WriteSummary();
        return DisposeAsync().AsTask();
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is { } database)
        {
            _database = null;
            await database.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<PrepareOutcome> PrepareEnvironmentAsync(string runDirectory, CancellationToken cancellationToken)
    {
        var protocolDirectory = Path.GetDirectoryName(protocol.SourcePath)!;
        var options = new PrepareOptions(protocolDirectory, Path.Combine(runDirectory, "prepare"))
        {
            SkipBuild = settings.SkipBuild,
            PythonVenv = settings.FastapiVenv,
            PythonRequirements = Requirements(protocolDirectory),
            CreateVenvIfMissing = settings.FastapiPython is null,
        };
        // --fastapi-python names the interpreter of every Python framework, as FACEOFF_<ID>_PYTHON does for one.
        var pythonVariables = protocol.Frameworks.Values
            .Where(f => f.Runtime == RuntimeKind.Python)
            .Select(f => PythonResolver.OverrideVariable(f.Id))
            .ToHashSet(StringComparer.Ordinal);
        var resolver = new PythonResolver(name =>
            settings.FastapiPython is { } python && pythonVariables.Contains(name) ? python : Environment.GetEnvironmentVariable(name));
        var result = await new EnvironmentPreparer(resolver).PrepareAsync(protocol.Frameworks.Values, options, cancellationToken).ConfigureAwait(false);
        if (result.Environment is not { } environment)
        {
            var tail = string.IsNullOrWhiteSpace(result.LogTail) ? "" : $"\n{result.LogTail}";
            return new PrepareOutcome(false, result.Failure + tail, null);
        }
        _environment = environment;
        if (hosts is { AllLocal: false })
        {
            observer.Notice(NoticeLevel.Info, $"preparing hosts {string.Join(", ", hosts.Hosts.Keys.Order(StringComparer.Ordinal))}");
            _remote = new RemotePasses(hosts, runDirectory);
            var (notes, hostError) = await HostSurvey.RunAsync(protocol, hosts, _remote, runDirectory,
                id => Prepared.Frameworks[id].Placeholders, settings.SkipBuild, cancellationToken).ConfigureAwait(false);
            if (hostError is not null)
            {
                return new PrepareOutcome(false, hostError, Facts(environment));
            }
            _hostNotes = notes;
        }
        return new PrepareOutcome(true, null, Facts(environment));
    }

    public async Task<ParityOutcome> RunParityAsync(string runDirectory, CancellationToken cancellationToken)
    {
        var options = new ParityOptions(Path.Combine(runDirectory, "parity", "servers"))
        {
            Progress = line => observer.Notice(NoticeLevel.Info, line),
            Launcher = _launcher,
            // Pairs on a server host are checked there, against the servers the passes will measure.
            Servers = hosts is not null && protocol.Pairs.Any(p => !hosts.ServerHost(p).IsLocal)
                ? new HostParityLauncher(protocol, hosts, new LocalParityLauncher(_launcher))
                : null,
            Database = _database?.Service,
        };
        var report = await ParityGate.RunAsync(protocol, Prepared, options, cancellationToken).ConfigureAwait(false);
        if (_database is { } database)
        {
            // The data checks inserted rows: the campaign starts from the seeded state.
            await database.ResetAsync(cancellationToken).ConfigureAwait(false);
        }
        await ParityReportJson.WriteAsync(report, Path.Combine(runDirectory, ParityReportFile), cancellationToken).ConfigureAwait(false);
        var rows = ReportAssembler.Scoped(protocol, report.Pairs, report.Frameworks)
            // A declared known difference is a warning that passed the gate only by its reason: the report keeps it.
            .Where(s => s.Finding.Status is Faceoff.Parity.ParityStatus.Pass or Faceoff.Parity.ParityStatus.Fail
                || s.Finding.Message.StartsWith(KnownDifferenceRule.Prefix, StringComparison.Ordinal))
            .Select(Row)
            .ToList();
        return new ParityOutcome(report.Passed, report.FirstFailure, ParityReportFile, rows);
    }

    public async Task<ServerStart> StartServerAsync(ServerSpec spec, CancellationToken cancellationToken)
    {
        var pair = protocol.Pairs.FirstOrDefault(p => p.Name == spec.Pair);
        if (hosts is not null && pair is not null && !hosts.ServerHost(pair).IsLocal)
        {
            var command = RemoteLaunch.StartCommand(spec.Framework, spec.Profile, WithDatabase(Prepared.Frameworks[spec.Framework.Id].Placeholders), hosts.BindAddress(pair), spec.Port);
            var baseUri = new UriBuilder(Uri.UriSchemeHttp, hosts.TargetAddress(pair), spec.Port).Uri;
            var remote = await RemoteServer.StartAsync(hosts.ServerHost(pair), spec, command, baseUri, cancellationToken).ConfigureAwait(false);
            if (remote.Server is { } started)
            {
                _pairsByServer[started.BaseUri] = pair;
            }
            return remote;
        }
        var launch = new ServerLaunch(
            spec.Name, spec.Framework, spec.Profile, spec.Host, spec.Port, Constrained: false, spec.LogDirectory,
            WithDatabase(Prepared.Frameworks[spec.Framework.Id].Placeholders), placement.ServerCpus);
        var start = await _launcher.StartAsync(launch, cancellationToken).ConfigureAwait(false);
        if (start.Server is { } server)
        {
            if (pair is not null)
            {
                _pairsByServer[server.BaseUri] = pair;
            }
            return new ServerStart(new LiveServer(server, spec.Framework.Readiness.Path), null);
        }
        var exit = start.Exit;
        return new ServerStart(null, new ServerFailure(
            spec.Side, spec.Profile.Id, ServerFailureKind.StartFailed, start.Failure ?? "the server did not start",
            exit?.ExitCode, exit?.Signal is { } signal ? ExitInfo.SignalName(signal) : null, start.LogTail, null));
    }

    public async Task<PassOutcome> RunPassAsync(PassRequest request, IProgress<LoadProgress>? live, CancellationToken cancellationToken)
    {
        var scenario = request.Scenario;
        if (_remote is not null && _pairsByServer.TryGetValue(request.BaseUri, out var pair) && hosts!.LoadIsRemote(pair))
        {
            var merged = await _remote.RunAsync(pair, request, cancellationToken).ConfigureAwait(false);
            return new PassOutcome(
                Measure(merged),
                request.KeepLoadResult ? LoadResultJson.Serialize(merged) : null,
                request.KeepLoadResult ? HistogramLog(merged) : null);
        }
        var options = new LoadOptions
        {
            Url = new Uri(request.BaseUri, scenario.Path),
            Method = scenario.Method,
            Headers = [.. scenario.Headers],
            Body = scenario.Body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(scenario.Body),
            Connections = request.Concurrency,
            Requests = request.Bound.Requests,
            Duration = request.Bound.DurationSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Sampler = request.SampleEvery > 0 ? new ContractSampler(scenario) : null,
            SampleEvery = Math.Max(1, request.SampleEvery),
        };
        var result = await LoadEngine.RunAsync(options, live, cancellationToken).ConfigureAwait(false);
        // The engine returns what it measured when cancelled; to the runner a cancelled pass did not happen.
        cancellationToken.ThrowIfCancellationRequested();
        return new PassOutcome(
            Measure(result),
            request.KeepLoadResult ? LoadResultJson.Serialize(result) : null,
            request.KeepLoadResult ? HistogramLog(result) : null);
    }

    private PreparedEnvironment Prepared =>
        _environment is { } environment
            ? environment with { Frameworks = environment.Frameworks.ToImmutableDictionary(kv => kv.Key, kv => kv.Value with { Placeholders = WithDatabase(kv.Value.Placeholders) }) }
            : throw new InvalidOperationException("prepare must succeed before servers can start");

    /// <summary>Read at every start: after a database restart the servers get the new cluster's URL.</summary>
    private ImmutableDictionary<string, string> WithDatabase(ImmutableDictionary<string, string> placeholders) =>
        _database is { } database ? placeholders.SetItem(Placeholders.DatabaseUrl, database.ConnectionUrl) : placeholders;

    /// <summary>The requirements a created venv installs: the first Python framework's <c>requirements.txt</c>, when it has one.</summary>
    private string? Requirements(string protocolDirectory)
    {
        var values = new Dictionary<string, string> { [Placeholders.ProtocolDir] = Path.GetFullPath(protocolDirectory) };
        return protocol.Frameworks.Values
            .Where(f => f.Runtime == RuntimeKind.Python && f.Start.WorkingDir is not null)
            .Select(f => Path.Combine(Placeholders.Expand(f.Start.WorkingDir!, values), "requirements.txt"))
            .FirstOrDefault(File.Exists);
    }

    private PreparedFacts Facts(PreparedEnvironment environment)
    {
        var v = environment.Versions;
        var m = environment.Machine;
        var versions = new Dictionary<string, string>
        {
            ["faceoff"] = v.FaceoffVersion,
            ["dotnet_runtime"] = v.DotnetRuntime,
            ["dotnet_sdk"] = v.DotnetSdk,
            ["git_sha"] = v.GitDirty == true ? $"{v.GitSha} (dirty)" : v.GitSha,
            ["kernel"] = v.Kernel,
        };
        if (v.Python is { } python)
        {
            versions["python"] = python;
        }
        foreach (var (package, version) in v.PythonPackages)
        {
            versions[$"python:{package}"] = version;
        }
        var notes = environment.Frameworks.Values.Select(f => f.Python is { Python: { } path } resolution
            ? $"{f.FrameworkId}: Python {resolution.Version} at {path}"
            : f.Build.Skipped ? $"{f.FrameworkId}: build skipped" : $"{f.FrameworkId}: built in {f.Build.Seconds:0.0} s ({f.Build.CommandLine})").ToList();
        notes.Add($"Orphan protection: {ServerLauncher.OrphanProtection}.");
        if (_database is { } database)
        {
            var pools = protocol.Profiles.Values.Select(p => p.Env.GetValueOrDefault("FACEOFF_APP_DB_POOL_SIZE")).OfType<string>().Distinct().ToList();
            notes.AddRange(database.Notes(pools.Count == 0 ? null : string.Join(", ", pools)));
        }
        notes.AddRange(_hostNotes);
        if (placement.Description is { } pinning)
        {
            notes.Add($"CPU pinning: {pinning}.");
        }
        return new PreparedFacts(environment.Machine, versions, notes);
    }

    /// <summary>The engine's result as the one pass record the cell file, the report and the statistics share.</summary>
    private static PassMeasurement Measure(LoadResult result)
    {
        var s = result.Summary;
        var l = s.Latency;
        return new PassMeasurement(
            s.Requests,
            s.Errors,
            Math.Round(s.ElapsedSeconds, 4),
            Math.Round(s.RequestsPerSecond, 2),
            Math.Round(s.BytesReadPerSecond, 1),
            new LatencyStats(Math.Round(l.MeanMicros, 2), Math.Round(l.StdevMicros, 2), l.P50Micros, l.P75Micros, l.P90Micros,
                l.P95Micros, l.P99Micros, l.P999Micros, l.P9999Micros, l.MaxMicros),
            result.CompletedPerSecond,
            result.ErrorsPerSecond,
            result.StatusCounts.ToImmutableSortedDictionary(kv => kv.Key.ToString(CultureInfo.InvariantCulture), kv => kv.Value, StringComparer.Ordinal),
            result.ErrorCounts.ToImmutableSortedDictionary(kv => ReportModel.EnumText.Of(kv.Key), kv => kv.Value, StringComparer.Ordinal),
            s.Sampled,
            s.Violations,
            result.ViolationMessages,
            Server: null);
    }

    private static string HistogramLog(LoadResult result)
    {
        using var buffer = new MemoryStream();
        HdrLog.Write(buffer, result);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static ReportModel.ParityCheckRow Row(ScopedFinding scoped)
    {
        var finding = scoped.Finding;
        var slash = scoped.Scope.IndexOf('/', StringComparison.Ordinal);
        return new ReportModel.ParityCheckRow(
            scoped.ClaimId is null ? finding.Check : $"{scoped.ClaimId} {finding.Check}",
            finding.Subject,
            slash < 0 ? null : scoped.Scope[(slash + 1)..],
            finding.Status == Faceoff.Parity.ParityStatus.Fail ? ReportModel.ParityStatus.Failed : ReportModel.ParityStatus.Passed,
            finding.Message);
    }
}
