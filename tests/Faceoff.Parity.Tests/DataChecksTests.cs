using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Faceoff.Parity.Checks;
using Faceoff.Protocol.Model;
using Faceoff.Targets.Services;
using Faceoff.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Faceoff.Parity.Tests;

/// <summary>One seeded managed cluster for the data-parity tests.</summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"faceoff-parity-db-{Guid.NewGuid():N}");

    public IDatabaseService Service { get; private set; } = null!;

    public string ConnectionString { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(PostgresBinaries.Find().Binaries is not null, $"PostgreSQL's server binaries are required: {PostgresBinaries.InstallCommand}");
        var definition = new ServiceDefinition("postgres", ServiceKind.PostgreSql, null, new ManagedPostgresSettings("128MB", "on", 40), 2_000);
        var started = await ManagedPostgres.StartAsync(definition, new ManagedPostgresOptions(_directory, _directory), CancellationToken.None);
        Assert.True(started.Succeeded, $"{started.Finding?.Message}\n{started.LogTail}");
        Service = started.Service!;
        await Service.SeedAsync(CancellationToken.None);
        var uri = new Uri(Service.ConnectionUrl);
        var user = uri.UserInfo.Split(':', 2);
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port,
            Username = user[0],
            Password = user[1],
            Database = uri.AbsolutePath.TrimStart('/'),
        }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        await Service.StopAsync(TimeSpan.FromSeconds(10));
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>
/// Runs alone: the cluster is registered with ServerRegistry like any server, and the gate tests assert that no
/// server is registered when they finish.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DatabaseGroup
{
    public const string Name = "database";
}

/// <summary>The data checks against a real database and servers that do, or pretend to do, the work.</summary>
[Collection(DatabaseGroup.Name)]
public sealed class DataChecksTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static readonly ScenarioDefinition Write = Scenario("db_write", "POST", "/api/db/items", """{"name": "write-sample", "amount": 777, "category": "omega"}""", 201);
    private static readonly ScenarioDefinition BadWrite = Scenario("db_write_bad", "POST", "/api/db/items", """{"name": "write-sample", "category": "omega"}""", 400);
    private static readonly ScenarioDefinition Read = Scenario("db_read", "GET", "/api/db/items?category=alpha&limit=5", null, 200);

    [Fact]
    public async Task A_server_that_inserts_what_it_acknowledges_passes()
    {
        await database.Service.ResetAsync(CancellationToken.None);
        await using var honest = await KestrelTestServer.StartAsync(app => app.MapPost("/api/db/items", Insert));

        var finding = await DataChecks.WriteAsync(Write, ParitySide.At("honest", honest.Url), database.Service, Timeout, CancellationToken.None);

        Assert.Equal(ParityStatus.Pass, finding.Status);
        Assert.Equal(1, await database.Service.CountInsertedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_201_without_an_insert_fails_naming_the_scenario_and_the_missing_row()
    {
        await database.Service.ResetAsync(CancellationToken.None);
        await using var liar = await KestrelTestServer.StartAsync(app => app.MapPost("/api/db/items", () => Results.Json(new { id = 1 }, statusCode: 201)));

        var finding = await DataChecks.WriteAsync(Write, ParitySide.At("liar", liar.Url), database.Service, Timeout, CancellationToken.None);

        Assert.Equal(ParityStatus.Fail, finding.Status);
        Assert.Equal("liar", finding.Subject);
        Assert.Equal("scenario db_write: answered 201 but no row was inserted; missing row {name: write-sample, amount: 777, category: omega}", finding.Message);
    }

    [Fact]
    public async Task A_rejected_write_must_insert_nothing()
    {
        await database.Service.ResetAsync(CancellationToken.None);
        await using var rejects = await KestrelTestServer.StartAsync(app => app.MapPost("/api/db/items", () => Results.StatusCode(400)));
        await using var leaks = await KestrelTestServer.StartAsync(app => app.MapPost("/api/db/items", async (HttpContext context) =>
        {
            await InsertRow(context);
            context.Response.StatusCode = 400;
        }));

        var clean = await DataChecks.WriteAsync(BadWrite, ParitySide.At("rejects", rejects.Url), database.Service, Timeout, CancellationToken.None);
        var leaky = await DataChecks.WriteAsync(Write, ParitySide.At("leaks", leaks.Url), database.Service, Timeout, CancellationToken.None);

        Assert.Equal(ParityStatus.Pass, clean.Status);
        Assert.Equal(ParityStatus.Fail, leaky.Status);
        Assert.Equal("scenario db_write: answered 400 yet inserted 1 row(s)", leaky.Message);
    }

    [Fact]
    public async Task Reads_must_return_the_same_items_from_both_sides()
    {
        await using var a = await KestrelTestServer.StartAsync(app => app.MapGet("/api/db/items", context => Select(context, tamper: false)));
        await using var b = await KestrelTestServer.StartAsync(app => app.MapGet("/api/db/items", context => Select(context, tamper: false)));
        await using var off = await KestrelTestServer.StartAsync(app => app.MapGet("/api/db/items", context => Select(context, tamper: true)));

        var same = await DataChecks.ReadAsync(Read, ParitySide.At("a", a.Url), ParitySide.At("b", b.Url), "pair", Timeout, CancellationToken.None);
        var differ = await DataChecks.ReadAsync(Read, ParitySide.At("a", a.Url), ParitySide.At("off", off.Url), "pair", Timeout, CancellationToken.None);

        Assert.Equal(ParityStatus.Pass, same.Status);
        Assert.Equal("scenario db_read: both returned the same 5 items", same.Message);
        Assert.Equal(ParityStatus.Fail, differ.Status);
        Assert.StartsWith("scenario db_read: item 4 differs", differ.Message, StringComparison.Ordinal);
    }

    private static ScenarioDefinition Scenario(string id, string method, string path, string? body, int status) =>
        new(id, null, method, path, ImmutableDictionary<string, string>.Empty, body,
            new ScenarioContract(status, null, null, null, [], []));

    private async Task Insert(HttpContext context)
    {
        var id = await InsertRow(context);
        context.Response.StatusCode = 201;
        await context.Response.WriteAsJsonAsync(new { id });
    }

    private async Task<long> InsertRow(HttpContext context)
    {
        var item = (await JsonNode.ParseAsync(context.Request.Body))!;
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("INSERT INTO items (name, amount, category) VALUES ($1, $2, $3) RETURNING id", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = (string)item["name"]! });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)item["amount"]! });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = (string)item["category"]! });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task Select(HttpContext context, bool tamper)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, name, amount FROM items WHERE category = 'alpha' ORDER BY id LIMIT 5", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var items = new JsonArray();
        while (await reader.ReadAsync())
        {
            items.Add(new JsonObject { ["id"] = reader.GetInt64(0), ["name"] = reader.GetString(1), ["amount"] = reader.GetInt32(2) });
        }

        if (tamper)
        {
            items[4]!["amount"] = -1;
        }

        await context.Response.WriteAsync(new JsonObject { ["items"] = items, ["count"] = items.Count }.ToJsonString());
    }
}
