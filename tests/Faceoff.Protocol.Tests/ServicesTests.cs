using Faceoff.Protocol.Model;

namespace Faceoff.Protocol.Tests;

/// <summary>The <c>services</c> section: a managed or existing PostgreSQL, reached through <c>{database_url}</c>.</summary>
public sealed class ServicesTests
{
    private static readonly string ManagedService = Services("""{ "postgres": { "kind": "postgresql", "shared_buffers": "256MB", "synchronous_commit": "off", "max_connections": 60, "seed_rows": 1000 } }""");

    private static string Services(string map) => "\"services\": " + map + ",";

    /// <summary>The mini protocol with a service on line 4 and the app's start env using the placeholder.</summary>
    private static string WithService(string service) =>
        MiniProtocol.WithField(service).Replace(
            "\"args\": [\"--port\", \"{port}\"] }",
            "\"args\": [\"--port\", \"{port}\"], \"env\": { \"FACEOFF_APP_DATABASE_URL\": \"{database_url}\" } }",
            StringComparison.Ordinal);

    [Fact]
    public void A_managed_service_is_read_with_its_settings_and_the_placeholder_is_kept_for_the_runner()
    {
        var result = TestFiles.LoadText(WithService(ManagedService));

        Assert.Empty(result.Errors);
        var service = Assert.Single(result.Protocol!.Services).Value;
        Assert.Same(service, result.Protocol.Database);
        Assert.Equal(new ServiceDefinition("postgres", ServiceKind.PostgreSql, null, new ManagedPostgresSettings("256MB", "off", 60), 1000), service);
        Assert.Equal("{database_url}", result.Protocol.Frameworks["app"].Start.Env["FACEOFF_APP_DATABASE_URL"]);
    }

    [Fact]
    public void Left_out_settings_take_postgresql_defaults_and_are_recorded_as_defaulted()
    {
        var result = TestFiles.LoadText(WithService(Services("""{ "db": { "kind": "postgresql" } }""")));

        Assert.Empty(result.Errors);
        var service = result.Protocol!.Database!;
        Assert.Equal(ProtocolDefaults.Postgres, service.Managed);
        Assert.Equal(ProtocolDefaults.SeedRows, service.SeedRows);
        var defaulted = result.Protocol.Overrides.Where(origin => origin.Setting.StartsWith("services.db.", StringComparison.Ordinal)).Select(origin => origin.Setting);
        Assert.Equal(["services.db.max_connections", "services.db.seed_rows", "services.db.shared_buffers", "services.db.synchronous_commit"], defaulted.Order());
    }

    [Fact]
    public void An_existing_server_is_named_by_its_dsn()
    {
        var result = TestFiles.LoadText(WithService(Services("""{ "db": { "kind": "postgresql", "dsn": "postgresql://bench:secret@127.0.0.1:5432/bench" } }""")));

        Assert.Empty(result.Errors);
        var service = result.Protocol!.Database!;
        Assert.False(service.IsManaged);
        Assert.Equal("postgresql://bench:secret@127.0.0.1:5432/bench", service.Dsn);
    }

    [Fact]
    public void A_wrong_field_in_a_service_is_located_with_a_suggestion()
    {
        Assert.Equal(
            ["4:47: $.services.db.shared_buffer: unknown field \"shared_buffer\" (did you mean \"shared_buffers\"? expected one of: kind, dsn, shared_buffers, synchronous_commit, max_connections, seed_rows)"],
            MiniProtocol.Errors(WithService(Services("""{ "db": { "kind": "postgresql", "shared_buffer": "1GB" } }"""))));
    }

    [Fact]
    public void Wrong_values_are_located_at_each_value()
    {
        Assert.Equal(
            [
                "4:33: $.services.db.kind: expected \"postgresql\" (the only service kind), got \"mysql\"",
                "4:64: $.services.db.synchronous_commit: expected one of \"on\", \"off\", \"local\", \"remote_write\", \"remote_apply\", got \"maybe\"",
                "4:92: $.services.db.max_connections: expected an integer 5-10000, got 2",
            ],
            MiniProtocol.Errors(WithService(Services("""{ "db": { "kind": "mysql", "synchronous_commit": "maybe", "max_connections": 2 } }"""))));
    }

    [Fact]
    public void Managed_settings_beside_a_dsn_are_an_error_not_ignored()
    {
        Assert.Equal(
            ["4:103: $.services.db.shared_buffers: shared_buffers applies only to a managed server; remove it or remove \"dsn\""],
            MiniProtocol.Errors(WithService(Services("""{ "db": { "kind": "postgresql", "dsn": "postgresql://u@127.0.0.1/db", "shared_buffers": "1GB" } }"""))));
    }

    [Fact]
    public void A_dsn_must_be_a_postgresql_url_with_a_user_and_a_database()
    {
        Assert.Equal(
            ["4:54: $.services.db.dsn: expected a URL postgresql://user[:password]@host[:port]/database, got \"postgresql://127.0.0.1/db\""],
            MiniProtocol.Errors(WithService(Services("""{ "db": { "kind": "postgresql", "dsn": "postgresql://127.0.0.1/db" } }"""))));
    }

    [Fact]
    public void The_database_url_placeholder_needs_a_service()
    {
        Assert.Equal(
            ["6:110: $.frameworks.app.start.env.FACEOFF_APP_DATABASE_URL: placeholder {database_url} needs a \"services\" entry of kind \"postgresql\""],
            MiniProtocol.Errors(WithService(string.Empty)));
    }

    [Fact]
    public void Only_one_database_service_is_supported()
    {
        var errors = MiniProtocol.Errors(WithService(Services("""{ "a": { "kind": "postgresql" }, "b": { "kind": "postgresql" } }""")));

        Assert.Equal(["4:48: $.services.b: only one PostgreSQL service is supported (\"a\" is already declared at line 4:17)"], errors);
    }

    [Fact]
    public void The_db_protocol_loads_and_follows_the_seed_database_contract()
    {
        var result = TestFiles.Load(Path.Combine(TestFiles.RepoRoot, "protocols", "db.json"));
        using var seed = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(TestFiles.RepoRoot, "protocols", "seed", "comparative_scenarios.db.v1.json")));

        Assert.Empty(result.Errors);
        Assert.True(result.Protocol!.Database!.IsManaged);
        foreach (var (seedId, id) in new[] { ("E_db_read", "db_read"), ("E_db_write", "db_write") })
        {
            var expected = seed.RootElement.GetProperty("scenarios").EnumerateArray().Single(s => s.GetProperty("id").GetString() == seedId);
            var scenario = result.Protocol.Scenarios[id];
            Assert.Equal(expected.GetProperty("method").GetString(), scenario.Method);
            Assert.Equal(expected.GetProperty("path").GetString(), scenario.Path);
            Assert.Equal(expected.GetProperty("expected_status").GetInt32(), scenario.Contract.Status);
            var keys = expected.GetProperty("contract").GetProperty("required_keys").EnumerateArray().Select(k => k.GetString()!);
            Assert.Equal(keys.Order(), scenario.Contract.Json!.RequiredKeys.Keys.Order());
        }
    }
}
