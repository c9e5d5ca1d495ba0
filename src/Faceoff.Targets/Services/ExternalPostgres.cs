using Faceoff.Protocol.Model;
using Npgsql;

namespace Faceoff.Targets.Services;

/// <summary>
/// A server the user runs (<c>"dsn"</c>): Faceoff only connects, and creates, seeds and resets the items table in
/// that database. Nothing to sample or stop: its CPU and memory are not Faceoff's to measure.
/// </summary>
public sealed class ExternalPostgres : PostgresService
{
    private volatile bool _stopped;

    private ExternalPostgres(string url, NpgsqlConnectionStringBuilder connection, int seedRows)
        : base(url, connection, seedRows)
    {
    }

    /// <summary>Not observable without a query: true until stopped; a lost server shows as <see cref="DatabaseUnavailableException"/>.</summary>
    public override bool IsAlive => !_stopped;

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
        };
        var service = new ExternalPostgres(dsn, builder, definition.SeedRows);
        try
        {
            await service.DescribeAsync(definition, managed: false, $"{builder.Host}:{builder.Port}", null, null, ct).ConfigureAwait(false);
            return new ServiceStartResult(service, null);
        }
        catch (DatabaseUnavailableException ex)
        {
            await service.DisposeAsync().ConfigureAwait(false);
            return new ServiceStartResult(null, new ServiceFinding(
                "postgresql-unreachable", $"cannot connect to the server of service '{definition.Id}' ({Redaction.UrlPasswords(dsn)}): {ex.InnerException?.Message ?? ex.Message}"));
        }
    }

    public override ResourceSnapshot? Sample() => null;

    public override ResourceSampler? StartSampling(TimeSpan interval) => null;

    public override async Task StopAsync(TimeSpan grace)
    {
        _stopped = true;
        await DataSource.DisposeAsync().ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync() => await StopAsync(TimeSpan.Zero).ConfigureAwait(false);
}
