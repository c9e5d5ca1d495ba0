using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace Faceoff.RefApp.AspNet;

/// <summary>
/// The database scenarios (db_read, db_write). Same SQL, validation rules, status codes and bodies as the
/// db_* handlers in apps/fastapi/app.py; change both together. <c>created</c> is rendered by PostgreSQL itself
/// (<see cref="CreatedSql"/>), so both apps send the same text for the same row.
/// </summary>
internal static partial class DbEndpoints
{
    public const int MaxLimit = 500;
    public const int MaxNameLength = 200;

    private const string CreatedSql = """to_char(created AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')""";

    private const string ReadSql =
        "SELECT id, name, amount, category, " + CreatedSql + " FROM items WHERE category = $1 ORDER BY id LIMIT $2";

    private const string WriteSql =
        "INSERT INTO items (name, amount, category) VALUES ($1, $2, $3) RETURNING id, name, amount, category, " + CreatedSql;

    private static readonly byte[] NotConfiguredBody = Reply.Utf8("database not configured: set FACEOFF_APP_DATABASE_URL\n");
    private static readonly byte[] UnavailableBody = Reply.Utf8("database unavailable\n");
    private static readonly byte[] BadQueryBody = Reply.Utf8(
        "category must be 1 to 32 lowercase ASCII letters and limit an integer between 1 and 500\n");

    private static readonly byte[] BadItemBody = Reply.Utf8(
        "body must be a JSON object with name (string of 1 to 200 characters, no NUL), amount (integer between -2147483648 and 2147483647) and category (1 to 32 lowercase ASCII letters)\n");

    public static void Map(WebApplication app, NpgsqlDataSource? dataSource)
    {
        app.MapGet("/api/db/items", context => dataSource is null ? NotConfigured(context) : Read(context, dataSource));
        app.MapPost("/api/db/items", context => dataSource is null ? NotConfigured(context) : Write(context, dataSource));
    }

    private static Task NotConfigured(HttpContext context) =>
        Reply.Text(context, StatusCodes.Status503ServiceUnavailable, NotConfiguredBody);

    private static async Task Read(HttpContext context, NpgsqlDataSource dataSource)
    {
        var category = Last(context.Request.Query["category"]);
        var limitText = Last(context.Request.Query["limit"]) ?? "50";
        if (category is null || !CategorySyntax().IsMatch(category) || !LimitSyntax().IsMatch(limitText)
            || int.Parse(limitText, NumberStyles.None, CultureInfo.InvariantCulture) is < 1 or > MaxLimit)
        {
            await Reply.Text(context, StatusCodes.Status400BadRequest, BadQueryBody).ConfigureAwait(false);
            return;
        }

        var limit = int.Parse(limitText, NumberStyles.None, CultureInfo.InvariantCulture);
        var items = new List<DbItem>(limit);
        try
        {
            await using var command = dataSource.CreateCommand(ReadSql);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = category });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                items.Add(ReadItem(reader));
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            await Reply.Text(context, StatusCodes.Status503ServiceUnavailable, UnavailableBody).ConfigureAwait(false);
            return;
        }

        var payload = new DbReadPayload(items, items.Count, category, limit);
        await Reply.Send(context, StatusCodes.Status200OK, Reply.Json, JsonSerializer.SerializeToUtf8Bytes(payload, AppJsonContext.Wire.DbReadPayload))
            .ConfigureAwait(false);
    }

    private static async Task Write(HttpContext context, NpgsqlDataSource dataSource)
    {
        var request = await DbItemRequest.ReadAsync(context.Request).ConfigureAwait(false);
        if (request is null)
        {
            await Reply.Text(context, StatusCodes.Status400BadRequest, BadItemBody).ConfigureAwait(false);
            return;
        }

        DbItem item;
        try
        {
            // One explicit transaction per insert, as asyncpg's conn.transaction() does on the other side.
            await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand(WriteSql, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.Name });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = request.Amount });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.Category });
            await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
            {
                await reader.ReadAsync().ConfigureAwait(false);
                item = ReadItem(reader);
            }

            await transaction.CommitAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            await Reply.Text(context, StatusCodes.Status503ServiceUnavailable, UnavailableBody).ConfigureAwait(false);
            return;
        }

        await Reply.Send(context, StatusCodes.Status201Created, Reply.Json, JsonSerializer.SerializeToUtf8Bytes(item, AppJsonContext.Wire.DbItem))
            .ConfigureAwait(false);
    }

    private static DbItem ReadItem(NpgsqlDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4));

    private static string? Last(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 0 ? null : values[^1];

    [GeneratedRegex(@"^[a-z]{1,32}\z", RegexOptions.CultureInvariant)]
    internal static partial Regex CategorySyntax();

    [GeneratedRegex(@"^[0-9]{1,8}\z", RegexOptions.CultureInvariant)]
    private static partial Regex LimitSyntax();
}
