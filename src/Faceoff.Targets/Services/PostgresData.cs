using System.Diagnostics;
using Npgsql;

namespace Faceoff.Targets.Services;

/// <summary>
/// The data steps, over Npgsql (the same client library as the ASP.NET app; parameters and typed results instead
/// of parsing psql's output). The table and rows match protocols/seed/db_scenarios.md: every seed loads identical
/// rows, so every cell starts from the same data.
/// </summary>
internal sealed class PostgresData(NpgsqlDataSource dataSource, int seedRows)
{
    private const string CreateSql = """
        DROP TABLE IF EXISTS items;
        CREATE TABLE items (
            id bigserial PRIMARY KEY,
            name text NOT NULL,
            amount integer NOT NULL,
            category text NOT NULL,
            created timestamptz NOT NULL DEFAULT now()
        );
        """;

    // Row g: name item-<g>, amount g*7919 mod 10000, category g-1 mod 8, created 2025-01-01 + g seconds (UTC).
    private const string LoadSql = """
        INSERT INTO items (id, name, amount, category, created)
        SELECT g, 'item-' || lpad(g::text, 6, '0'), ((g * 7919) % 10000)::integer,
               (ARRAY['alpha','beta','gamma','delta','epsilon','zeta','eta','theta'])[1 + (g - 1) % 8],
               timestamptz '2025-01-01 00:00:00+00' + g * interval '1 second'
        FROM generate_series(1, $1::bigint) AS g;
        """;

    private const string IndexSql = """
        CREATE INDEX items_category_id ON items (category, id);
        SELECT setval(pg_get_serial_sequence('items', 'id'), GREATEST($1::bigint, 1), $1::bigint > 0);
        ANALYZE items;
        """;

    // The seeded rows are untouched when their count and a checksum over them match the seed's.
    private const string SeededIntactSql =
        "SELECT count(*), coalesce(sum(amount::bigint * (id % 97 + 1)), 0) FROM items WHERE id <= $1";

    private const string ExpectedChecksumSql =
        "SELECT coalesce(sum(((g * 7919) % 10000) * (g % 97 + 1)), 0) FROM generate_series(1, $1::bigint) AS g";

    public int SeedRows => seedRows;

    public async Task<DatabaseStep> SeedAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using (var connection = await OpenAsync(ct).ConfigureAwait(false))
        {
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await ExecuteAsync(connection, CreateSql, ct).ConfigureAwait(false);
            await ExecuteAsync(connection, LoadSql, ct, seedRows).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            // ANALYZE after the commit, so the statistics see the committed rows.
            await ExecuteAsync(connection, IndexSql, ct, seedRows).ConfigureAwait(false);
        }

        return new DatabaseStep(clock.Elapsed, await CountRowsAsync(ct).ConfigureAwait(false), $"seeded {seedRows} rows");
    }

    public async Task<DatabaseStep> ResetAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var owned = connection.ConfigureAwait(false);
        if (!await Guard(() => SeededRowsIntactAsync(connection, ct)).ConfigureAwait(false))
        {
            // Back to the pool first: the reload needs connections of its own.
            await connection.CloseAsync().ConfigureAwait(false);
            // Someone changed or deleted seeded rows (not what db_write does): only a full reload restores them.
            var reseeded = await SeedAsync(ct).ConfigureAwait(false);
            return reseeded with { Elapsed = clock.Elapsed, What = "seeded rows had changed: reloaded" };
        }

        await using (var command = new NpgsqlCommand("DELETE FROM items WHERE id > $1", connection))
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = seedRows });
            var deleted = await Guard(() => command.ExecuteNonQueryAsync(ct)).ConfigureAwait(false);
            await ExecuteAsync(connection, "SELECT setval(pg_get_serial_sequence('items', 'id'), GREATEST($1::bigint, 1), $1::bigint > 0)", ct, seedRows)
                .ConfigureAwait(false);
            if (deleted > 0)
            {
                // Dead tuples left by the delete would make the next cell's reads and inserts differ from this one's.
                await ExecuteAsync(connection, "VACUUM items", ct).ConfigureAwait(false);
            }

            return new DatabaseStep(clock.Elapsed, await CountRowsAsync(ct).ConfigureAwait(false), $"removed {deleted} inserted rows");
        }
    }

    public Task<long> CountRowsAsync(CancellationToken ct) => ScalarAsync("SELECT count(*) FROM items", ct);

    public Task<long> CountInsertedAsync(CancellationToken ct) => ScalarAsync("SELECT count(*) FROM items WHERE id > $1", ct, seedRows);

    public async Task<bool> InsertedRowExistsAsync(string name, int amount, string category, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM items WHERE id > $1 AND name = $2 AND amount = $3 AND category = $4");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = seedRows });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = amount });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = category });
        return await Guard(async () => (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!).ConfigureAwait(false) > 0;
    }

    /// <summary>The server's values of the settings that change results, read back rather than assumed.</summary>
    public async Task<SortedDictionary<string, string>> ShowSettingsAsync(CancellationToken ct)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "server_version", "shared_buffers", "synchronous_commit", "max_connections", "fsync" })
        {
            await using var command = dataSource.CreateCommand("SHOW " + name);
            settings[name] = (string)(await Guard(() => command.ExecuteScalarAsync(ct)).ConfigureAwait(false))!;
        }

        return settings;
    }

    private async Task<bool> SeededRowsIntactAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var actual = new NpgsqlCommand(SeededIntactSql, connection);
        actual.Parameters.Add(new NpgsqlParameter<long> { TypedValue = seedRows });
        await using var reader = await actual.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        var (count, checksum) = (reader.GetInt64(0), reader.GetDecimal(1));
        await reader.CloseAsync().ConfigureAwait(false);
        await using var expected = new NpgsqlCommand(ExpectedChecksumSql, connection);
        expected.Parameters.Add(new NpgsqlParameter<long> { TypedValue = seedRows });
        return count == seedRows && checksum == Convert.ToDecimal(await expected.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken ct, long? parameter = null)
    {
        await using var command = dataSource.CreateCommand(sql);
        if (parameter is { } value)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = value });
        }

        return (long)(await Guard(() => command.ExecuteScalarAsync(ct)).ConfigureAwait(false))!;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct) =>
        await Guard(() => dataSource.OpenConnectionAsync(ct).AsTask()).ConfigureAwait(false);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, long? parameter = null)
    {
        // A batch, because a single command may not hold several statements with parameters.
        await using var batch = new NpgsqlBatch(connection);
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var command = new NpgsqlBatchCommand(statement);
            if (parameter is { } value && statement.Contains("$1", StringComparison.Ordinal))
            {
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = value });
            }

            batch.BatchCommands.Add(command);
        }

        await Guard(() => batch.ExecuteNonQueryAsync(ct)).ConfigureAwait(false);
    }

    private static async Task<T> Guard<T>(Func<Task<T>> step)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (NpgsqlException ex) when (ex is not PostgresException { SqlState: not ("57P01" or "57P02" or "57P03") })
        {
            // Connection-level failures and admin shutdown: the server is gone, not a bug in a query.
            throw new DatabaseUnavailableException($"database went away: {ex.Message}", ex);
        }
    }
}
