using System.Collections.Immutable;
using Faceoff.Protocol.Model;
using Npgsql;

namespace Faceoff.Targets.Services;

/// <summary>
/// A server the user runs (<c>"dsn"</c>): Faceoff only connects, and creates, seeds and resets the items table in
/// that database. Nothing to sample or stop: its CPU and memory are not Faceoff's to measure.
/// </summary>
public sealed class ExternalPostgres : IDatabaseService
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresData _data;
    private volatile bool _stopped;

    private ExternalPostgres(string url, NpgsqlDataSource dataSource, PostgresData data)
    {
        ConnectionUrl = url;
        _dataSource = dataSource;
        _data = data;
    }

    public string ConnectionUrl { get; }

    public DatabaseDescription Description { get; private set; } = null!;

    /// <summary>Not observable without a query: true until stopped; a lost server shows as <see cref="DatabaseUnavailableException"/>.</summary>
    public bool IsAlive => !_stopped;

    public static async Task<ServiceStartResult> ConnectAsync(ServiceDefinition definition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var dsn = definition.Dsn ?? throw new ArgumentException($"service '{definition.Id}' is managed, not a dsn", nameof(definition));
        var uri = new Uri(dsn);
        var user = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Username = Uri.UnescapeDataString(user[0]),
            Password = user.Length == 2 ? Uri.UnescapeDataString(user[1]) : null,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            MaxPoolSize = 2,
            Timeout = 5,
            CommandTimeout = 600,
        };
        var dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
        var service = new ExternalPostgres(dsn, dataSource, new PostgresData(dataSource, definition.SeedRows));
        try
        {
            var shown = await service._data.ShowSettingsAsync(ct).ConfigureAwait(false);
            service.Description = new DatabaseDescription(
                definition.Id, false, shown["server_version"], $"{builder.Host}:{builder.Port}", null, null,
                shown.Where(kv => kv.Key != "server_version").ToImmutableSortedDictionary(StringComparer.Ordinal), definition.SeedRows);
            return new ServiceStartResult(service, null);
        }
        catch (DatabaseUnavailableException ex)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            return new ServiceStartResult(null, new ServiceFinding(
                "postgresql-unreachable", $"cannot connect to the server of service '{definition.Id}' ({Redaction.UrlPasswords(dsn)}): {ex.InnerException?.Message ?? ex.Message}"));
        }
    }

    public Task<DatabaseStep> SeedAsync(CancellationToken ct) => _data.SeedAsync(ct);

    public Task<DatabaseStep> ResetAsync(CancellationToken ct) => _data.ResetAsync(ct);

    public Task<long> CountRowsAsync(CancellationToken ct) => _data.CountRowsAsync(ct);

    public Task<long> CountInsertedAsync(CancellationToken ct) => _data.CountInsertedAsync(ct);

    public Task<bool> InsertedRowExistsAsync(string name, int amount, string category, CancellationToken ct) =>
        _data.InsertedRowExistsAsync(name, amount, category, ct);

    public ResourceSnapshot? Sample() => null;

    public ResourceSampler? StartSampling(TimeSpan interval) => null;

    public async Task StopAsync(TimeSpan grace)
    {
        _stopped = true;
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync(TimeSpan.Zero).ConfigureAwait(false);
}
