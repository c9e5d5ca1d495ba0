using System.Diagnostics;
using Faceoff.Targets.Native;
using Faceoff.Targets.Services;
using Faceoff.Targets.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace Faceoff.Targets.Tests;

/// <summary>A real cluster from Debian's binaries: start, seed, count, reset, stop, and no orphan.</summary>
public sealed class PostgresServiceTests(ITestOutputHelper output)
{
    private const int SeedRows = 100_000;

    [Fact]
    public async Task A_managed_cluster_seeds_counts_resets_and_stops()
    {
        SkipUnlessInstalled();
        using var dir = new TempDir();
        var clock = Stopwatch.StartNew();
        var result = await ManagedPostgres.StartAsync(Postgres.Definition(SeedRows), new ManagedPostgresOptions(dir.Path, dir.Path), CancellationToken.None);
        Assert.True(result.Succeeded, $"{result.Finding?.Message}\n{result.LogTail}");
        var postgres = (ManagedPostgres)result.Service!;
        var tree = Procs.Identify(postgres.ProcessTreePids());
        try
        {
            output.WriteLine($"start (initdb + ready): {clock.Elapsed.TotalSeconds:0.00} s, PostgreSQL {postgres.Description.ServerVersion}");
            Assert.Equal("64MB", postgres.Description.Settings["shared_buffers"]);
            Assert.Equal("off", postgres.Description.Settings["synchronous_commit"]);
            Assert.Equal("40", postgres.Description.Settings["max_connections"]);
            Assert.StartsWith(PostgresBinaries.Find().Binaries!.MajorVersion + ".", postgres.Description.ServerVersion, StringComparison.Ordinal);

            var seed = await postgres.SeedAsync(CancellationToken.None);
            output.WriteLine($"seed {SeedRows} rows: {seed.Elapsed.TotalMilliseconds:0} ms");
            Assert.Equal(SeedRows, seed.Rows);
            Assert.Equal(SeedRows, await postgres.CountRowsAsync(CancellationToken.None));
            Assert.Equal(0, await postgres.CountInsertedAsync(CancellationToken.None));

            await using (var connection = new NpgsqlConnection(Postgres.ConnectionString(postgres.ConnectionUrl)))
            {
                await connection.OpenAsync();
                Assert.Equal(SeedRows / 8, await Scalar(connection, "SELECT count(*) FROM items WHERE category = 'alpha'"));
                Assert.Equal(SeedRows + 1, await Scalar(connection, "INSERT INTO items (name, amount, category) VALUES ('w', 777, 'omega') RETURNING id"));
                await Scalar(connection, "INSERT INTO items (name, amount, category) VALUES ('w2', 1, 'omega') RETURNING id");
            }

            Assert.Equal(2, await postgres.CountInsertedAsync(CancellationToken.None));
            Assert.True(await postgres.InsertedRowExistsAsync("w", 777, "omega", CancellationToken.None));
            Assert.False(await postgres.InsertedRowExistsAsync("w", 778, "omega", CancellationToken.None));
            var sample = postgres.Sample()!;
            Assert.True(sample.ProcessCount >= 2 && sample.RssKiB > 0, $"{sample}");

            var reset = await postgres.ResetAsync(CancellationToken.None);
            output.WriteLine($"reset after 2 inserts: {reset.Elapsed.TotalMilliseconds:0} ms ({reset.What})");
            Assert.Equal(SeedRows, reset.Rows);
            Assert.Equal("removed 2 inserted rows", reset.What);
            await using (var connection = new NpgsqlConnection(Postgres.ConnectionString(postgres.ConnectionUrl)))
            {
                await connection.OpenAsync();
                // The sequence is rewound too: the next insert gets the same id as after the seed.
                Assert.Equal(SeedRows + 1, await Scalar(connection, "INSERT INTO items (name, amount, category) VALUES ('w', 777, 'omega') RETURNING id"));
                await Scalar(connection, "UPDATE items SET amount = amount + 1 WHERE id = 7 RETURNING id");
            }

            var reload = await postgres.ResetAsync(CancellationToken.None);
            output.WriteLine($"reset after a seeded row changed: {reload.Elapsed.TotalMilliseconds:0} ms ({reload.What})");
            Assert.Equal("seeded rows had changed: reloaded", reload.What);
            Assert.Equal(SeedRows, reload.Rows);
        }
        finally
        {
            await postgres.StopAsync(TimeSpan.FromSeconds(10));
        }

        Assert.False(postgres.IsAlive);
        Assert.Empty(await Procs.WaitAllGoneAsync(tree));
    }

    [Fact]
    public async Task Missing_binaries_are_a_finding_with_the_apt_command_and_nothing_starts()
    {
        using var dir = new TempDir();
        var options = new ManagedPostgresOptions(Path.Combine(dir.Path, "cluster"), dir.Path) { BinariesRoot = Path.Combine(dir.Path, "no-postgresql") };

        var result = await ManagedPostgres.StartAsync(Postgres.Definition(10), options, CancellationToken.None);

        Assert.Null(result.Service);
        Assert.Equal("postgresql-missing", result.Finding!.Code);
        Assert.Contains("apt-get install postgresql", result.Finding.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(options.Directory));
    }

    [Fact]
    public async Task A_killed_faceoff_leaves_no_postgres_behind()
    {
        SkipUnlessInstalled();
        using var dir = new TempDir();
        // The postgres account must be able to enter the cluster directory when the tests run as root.
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_101_101);
        using var helper = Helper.Start("postgres-then-wait", dir.Path);
        var tree = new List<Processes.ProcStat>();
        try
        {
            var line = await helper.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(120));
            Assert.StartsWith("READY ", line, StringComparison.Ordinal);
            tree = Procs.Identify(line!["READY ".Length..].Split(' ').Select(int.Parse));
            // The postmaster and its background workers (checkpointer, walwriter, ...).
            Assert.True(tree.Count >= 3, line);

            Libc.Kill(helper.Id, Libc.SigKill);
            await helper.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Empty(await Procs.WaitAllGoneAsync(tree));
        }
        finally
        {
            if (!helper.HasExited)
            {
                helper.Kill(entireProcessTree: true);
            }

            Procs.KillSurvivors(tree);
        }
    }

    [Fact]
    public async Task An_existing_server_named_by_dsn_is_seeded_and_counted_without_being_managed()
    {
        SkipUnlessInstalled();
        using var dir = new TempDir();
        await using var managed = (await ManagedPostgres.StartAsync(Postgres.Definition(10), new ManagedPostgresOptions(dir.Path, dir.Path), CancellationToken.None)).Service!;
        var definition = new Protocol.Model.ServiceDefinition("external", Protocol.Model.ServiceKind.PostgreSql, managed.ConnectionUrl, null, 500);

        var result = await DatabaseServices.StartAsync(definition, new ManagedPostgresOptions(Path.Combine(dir.Path, "unused"), dir.Path), CancellationToken.None);
        await using var external = result.Service!;

        Assert.False(external.Description.Managed);
        Assert.Equal(500, (await external.SeedAsync(CancellationToken.None)).Rows);
        Assert.Equal(0, await external.CountInsertedAsync(CancellationToken.None));
        Assert.Null(external.Sample());
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "unused")));
    }

    [Fact]
    public async Task An_unreachable_dsn_is_a_finding_with_the_password_masked()
    {
        var port = Faceoff.Testing.FreePort.Refusing();
        var definition = new Protocol.Model.ServiceDefinition("external", Protocol.Model.ServiceKind.PostgreSql, $"postgresql://u:hunter2@127.0.0.1:{port}/db", null, 10);

        var result = await DatabaseServices.StartAsync(definition, new ManagedPostgresOptions("/nonexistent", "/nonexistent"), CancellationToken.None);

        Assert.Null(result.Service);
        Assert.Equal("postgresql-unreachable", result.Finding!.Code);
        Assert.Contains($"postgresql://u:***@127.0.0.1:{port}/db", result.Finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Finding.Message, StringComparison.Ordinal);
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void SkipUnlessInstalled() =>
        Assert.True(PostgresBinaries.Find().Binaries is not null, $"PostgreSQL's server binaries are required: {PostgresBinaries.InstallCommand} (scripts/install-prereqs.sh)");
}
