using System.Globalization;
using Faceoff.Campaign.Execution;
using Faceoff.Protocol.Model;
using Faceoff.Statistics;
using Faceoff.Targets;
using Faceoff.Targets.Services;

namespace Faceoff.Campaign.Live;

/// <summary>
/// The protocol's PostgreSQL for one run: started and seeded by prepare, reset and counted around cells,
/// replaced by a new cluster (new directory, new URL) when it dies, stopped when the backend is disposed.
/// </summary>
internal sealed class LiveDatabase : ICampaignDatabase, IAsyncDisposable
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(250);

    private readonly ServiceDefinition _definition;
    private readonly string _runDirectory;
    private readonly string _host;
    private IDatabaseService _service;
    private int _clusters = 1;

    private LiveDatabase(ServiceDefinition definition, string runDirectory, string host, IDatabaseService service, DatabaseStep seed)
    {
        _definition = definition;
        _runDirectory = runDirectory;
        _host = host;
        _service = service;
        Seed = seed;
    }

    public int Generation { get; private set; } = 1;

    public bool IsAlive => _service.IsAlive;

    public string ConnectionUrl => _service.ConnectionUrl;

    public DatabaseDescription Description => _service.Description;

    /// <summary>The last seed step (its time and row count), for the methodology.</summary>
    public DatabaseStep Seed { get; private set; }

    /// <summary>Starts and seeds the service; a finding (binaries missing…) comes back as the error, with nothing left running.</summary>
    public static async Task<(LiveDatabase? Database, string? Error)> StartAsync(
        ServiceDefinition definition, string runDirectory, string host, CancellationToken cancellationToken)
    {
        var (service, error) = await StartServiceAsync(definition, runDirectory, host, 1, cancellationToken).ConfigureAwait(false);
        if (service is null)
        {
            return (null, error);
        }
        try
        {
            var seed = await service.SeedAsync(cancellationToken).ConfigureAwait(false);
            return (new LiveDatabase(definition, runDirectory, host, service, seed), null);
        }
        catch (DatabaseUnavailableException e)
        {
            await service.DisposeAsync().ConfigureAwait(false);
            return (null, $"database seed failed: {e.Message}");
        }
        catch
        {
            await service.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task ResetAsync(CancellationToken cancellationToken) =>
        Guard(() => _service.ResetAsync(cancellationToken));

    public Task<long> CountInsertedAsync(CancellationToken cancellationToken) =>
        Guard(() => _service.CountInsertedAsync(cancellationToken));

    public IResourceMeter? StartMeter() =>
        _service.StartSampling(SampleInterval) is { } sampler ? new Meter(sampler) : null;

    public async Task<string?> RestartAsync(CancellationToken cancellationToken)
    {
        await _service.StopAsync(ServerLauncher.DefaultStopGrace).ConfigureAwait(false);
        await _service.DisposeAsync().ConfigureAwait(false);
        // A used directory is refused on purpose: each replacement cluster gets its own.
        var (service, error) = await StartServiceAsync(_definition, _runDirectory, _host, ++_clusters, cancellationToken).ConfigureAwait(false);
        if (service is null)
        {
            return error;
        }
        _service = service;
        Generation++;
        try
        {
            Seed = await service.SeedAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (DatabaseUnavailableException e)
        {
            return $"database seed failed after restart: {e.Message}";
        }
    }

    /// <summary>The service itself, for the parity gate's data checks.</summary>
    public IDatabaseService Service => _service;

    /// <summary>What changes results, for the methodology notes.</summary>
    public IEnumerable<string> Notes(string? poolSize)
    {
        var d = _service.Description;
        var settings = string.Join(", ", d.Settings.Select(kv => $"{kv.Key}={kv.Value}"));
        yield return $"Database: PostgreSQL {d.ServerVersion} ({(d.Managed ? "managed by Faceoff" : "existing server (dsn)")}, {d.Endpoint}" +
            (d.RunAs is { } user ? $", run as {user}" : "") + $"); settings: {settings}.";
        yield return string.Create(CultureInfo.InvariantCulture,
            $"Database seed: {Seed.Rows} rows in items ({d.SeedRows} seeded deterministically) in {Seed.Elapsed.TotalSeconds:0.00} s; the table is reset to this state before every cell that writes.");
        if (poolSize is not null)
        {
            yield return $"Database pool size per app (FACEOFF_APP_DB_POOL_SIZE): {poolSize}.";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _service.StopAsync(ServerLauncher.DefaultStopGrace).ConfigureAwait(false);
        await _service.DisposeAsync().ConfigureAwait(false);
        // The clusters are regenerated from the deterministic seed on every run: tens of MB that do not belong in
        // the bundle (their server logs stay under logs/).
        for (var generation = 1; generation <= _clusters; generation++)
        {
            var directory = Directory(generation);
            if (System.IO.Directory.Exists(directory))
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }
    }

    private string Directory(int generation) => DirectoryOf(_runDirectory, generation);

    private static string DirectoryOf(string runDirectory, int generation) =>
        Path.Combine(runDirectory, generation == 1 ? "postgres" : $"postgres-{generation}");

    private static async Task<(IDatabaseService? Service, string? Error)> StartServiceAsync(
        ServiceDefinition definition, string runDirectory, string host, int generation, CancellationToken cancellationToken)
    {
        var directory = DirectoryOf(runDirectory, generation);
        var options = new ManagedPostgresOptions(directory, Path.Combine(runDirectory, "logs"), host) { BinariesRoot = PostgresBinaries.RootFromEnvironment() };
        var start = await DatabaseServices.StartAsync(definition, options, cancellationToken).ConfigureAwait(false);
        if (start.Service is { } service)
        {
            return (service, null);
        }
        var tail = string.IsNullOrWhiteSpace(start.LogTail) ? "" : $"\n{start.LogTail}";
        return (null, $"database {start.Finding?.Code}: {start.Finding?.Message}{tail}");
    }

    private static async Task<T> Guard<T>(Func<Task<T>> step)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (DatabaseUnavailableException e)
        {
            throw new CampaignDatabaseException(e.Message, e);
        }
    }

    private sealed class Meter(ResourceSampler sampler) : IResourceMeter
    {
        public ServerResources Stop()
        {
            var summary = sampler.Stop();
            return new ServerResources(Math.Round(summary.CpuSeconds, 3), summary.RssBeforeKiB, summary.RssAfterKiB, summary.PeakRssKiB);
        }
    }
}
