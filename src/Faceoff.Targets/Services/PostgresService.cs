using System.Collections.Immutable;
using Faceoff.Protocol.Model;
using Npgsql;

namespace Faceoff.Targets.Services;

/// <summary>
/// What a managed cluster and a user's server share: the connection pool, the items-table operations on it, and
/// the description read from the server. Only how the server is started, sampled and stopped differs.
/// </summary>
public abstract class PostgresService : IDatabaseService
{
    private protected PostgresService(string connectionUrl, NpgsqlConnectionStringBuilder connection, int seedRows)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // Two connections are enough for seeding and counting; a stuck server fails in 5 s, a big seed may take minutes.
        connection.MaxPoolSize = 2;
        connection.Timeout = 5;
        connection.CommandTimeout = 600;
        ConnectionUrl = connectionUrl;
        DataSource = new NpgsqlDataSourceBuilder(connection.ConnectionString).Build();
        Data = new PostgresData(DataSource, seedRows);
    }

    public string ConnectionUrl { get; }

    public DatabaseDescription Description { get; private set; } = null!;

    public abstract bool IsAlive { get; }

    private protected NpgsqlDataSource DataSource { get; }

    private protected PostgresData Data { get; }

    public Task<DatabaseStep> SeedAsync(CancellationToken ct) => Data.SeedAsync(ct);

    public Task<DatabaseStep> ResetAsync(CancellationToken ct) => Data.ResetAsync(ct);

    public Task<long> CountRowsAsync(CancellationToken ct) => Data.CountRowsAsync(ct);

    public Task<long> CountInsertedAsync(CancellationToken ct) => Data.CountInsertedAsync(ct);

    public Task<bool> InsertedRowExistsAsync(string name, int amount, string category, CancellationToken ct) =>
        Data.InsertedRowExistsAsync(name, amount, category, ct);

    public abstract ResourceSnapshot? Sample();

    public abstract ResourceSampler? StartSampling(TimeSpan interval);

    public abstract Task StopAsync(TimeSpan grace);

    public abstract ValueTask DisposeAsync();

    /// <summary>Reads the server's version and settings into <see cref="Description"/>; returns the version.</summary>
    private protected async Task<string> DescribeAsync(
        ServiceDefinition definition, bool managed, string endpoint, string? dataDirectory, string? user, CancellationToken ct)
    {
        var shown = await Data.ShowSettingsAsync(ct).ConfigureAwait(false);
        var version = shown["server_version"];
        Description = new DatabaseDescription(
            definition.Id, managed, version, endpoint, dataDirectory, user,
            shown.Where(kv => kv.Key != "server_version").ToImmutableSortedDictionary(StringComparer.Ordinal), definition.SeedRows);
        return version;
    }
}
