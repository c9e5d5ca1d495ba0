using Faceoff.Protocol.Model;
using Faceoff.Targets.Services;

namespace Faceoff.Apps.Tests.Infrastructure;

/// <summary>A seeded managed PostgreSQL and both apps pointed at it (plain mode, small pools).</summary>
public sealed class DatabaseApps : IAsyncLifetime
{
    public const int SeedRows = 2_000;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"faceoff-apps-db-{Guid.NewGuid():N}");
    private Pair? _apps;

    public IDatabaseService Database { get; private set; } = null!;

    public AppPair Apps => _apps ?? throw new InvalidOperationException("fixture not started");

    public async Task InitializeAsync()
    {
        Assert.True(PostgresBinaries.Find().Binaries is not null, $"PostgreSQL's server binaries are required: {PostgresBinaries.InstallCommand}");
        var definition = new ServiceDefinition("postgres", ServiceKind.PostgreSql, null, Protocol.ProtocolDefaults.Postgres, SeedRows);
        var started = await DatabaseServices.StartAsync(definition, new ManagedPostgresOptions(_directory, _directory), CancellationToken.None);
        Assert.True(started.Succeeded, $"{started.Finding?.Message}\n{started.LogTail}");
        Database = started.Service!;
        await Database.SeedAsync(CancellationToken.None);
        _apps = new Pair(new Dictionary<string, string>
        {
            ["FACEOFF_APP_DATABASE_URL"] = Database.ConnectionUrl,
            ["FACEOFF_APP_DB_POOL_SIZE"] = "4",
        });
        await _apps.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_apps is not null)
        {
            await _apps.DisposeAsync();
        }

        await Database.StopAsync(TimeSpan.FromSeconds(10));
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class Pair(IReadOnlyDictionary<string, string> environment) : AppPair(environment);
}
