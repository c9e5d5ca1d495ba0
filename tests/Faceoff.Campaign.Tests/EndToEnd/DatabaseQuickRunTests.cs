using System.Runtime.Versioning;
using Faceoff.Reporting.Model;
using Faceoff.Targets.Services;
using Faceoff.Testing;

namespace Faceoff.Campaign.Tests.EndToEnd;

/// <summary>The database track through the CLI: a managed PostgreSQL started, seeded, reset, counted and measured by the run.</summary>
[Collection(EndToEndGroup.Name)]
[SupportedOSPlatform("linux")]
public sealed class DatabaseQuickRunTests : IDisposable
{
    private const string Protocol = "protocols/db.json";

    // One directory per test: xunit builds a new instance for every test and Dispose deletes it, so nothing here may
    // be static (a shared directory would be gone, with the mode set on it, after the first test).
    private readonly string _work = Directory.CreateTempSubdirectory("faceoff-e2e-db-").FullName;

    public DatabaseQuickRunTests()
    {
        // Temporary directories are private (0700); as root the cluster runs as postgres, which must enter the run directory.
        File.SetUnixFileMode(_work, (UnixFileMode)0b111_101_101);
    }

    /// <summary>The --output-dir of every run here; the cluster lives in its run directory.</summary>
    private string Output => Path.Combine(_work, "out");

    private string RunPath(string runId) => Path.Combine(Output, "runs", runId);

    [PostgresFact]
    public async Task A_quick_db_run_reconciles_every_write_pass_and_measures_postgres()
    {
        var (protocol, ports) = RepoProtocol.CopyTo(_work, Protocol);
        using var cli = QuickRun(protocol, "e2e-db");

        var exit = await cli.ExitCodeAsync(TimeSpan.FromMinutes(8));

        Assert.True(exit == 0, $"exit {exit}\n{cli.Output}");
        var run = new RunDirectory(RunPath("e2e-db"));
        Assert.Equal(ParityStatus.Passed, run.Report.Parity.Status);
        Assert.Contains(run.Report.Parity.Checks, c => c.CheckId.EndsWith("db.write_persisted", StringComparison.Ordinal));
        Assert.Contains(run.Report.Parity.Checks, c => c.CheckId.EndsWith("db.read_items", StringComparison.Ordinal));

        var measured = run.Cells.SelectMany(c => c.Passes.Select(p => (Cell: c, Pass: p))).Where(x => x.Pass.Kind == PassKind.Measured).ToList();
        Assert.NotEmpty(measured);
        Assert.All(measured, x => Assert.True(x.Pass.Measurement.Database is not null, $"{x.Cell.Scenario} pass {x.Pass.Sequence}: PostgreSQL not measured"));
        // A rejected payload never reaches the database; reads and inserts must cost it CPU.
        Assert.All(measured.Where(x => x.Cell.Scenario is "db_read" or "db_write"),
            x => Assert.True(x.Pass.Measurement.Database!.CpuSeconds > 0, $"{x.Cell.Scenario} pass {x.Pass.Sequence}: no PostgreSQL CPU"));
        var writes = measured.Where(x => x.Cell.Scenario == "db_write").ToList();
        Assert.NotEmpty(writes);
        Assert.All(writes, x =>
        {
            var reconciliation = x.Pass.Measurement.Writes;
            Assert.NotNull(reconciliation);
            Assert.True(reconciliation.Expected > 0, $"pass {x.Pass.Sequence}: no 201");
            Assert.Equal(reconciliation.Expected, reconciliation.Inserted);
        });
        Assert.All(measured.Where(x => x.Cell.Scenario == "db_read"), x => Assert.Null(x.Pass.Measurement.Writes));
        Assert.Contains(run.Report.Notes, n => n.StartsWith("Database: PostgreSQL", StringComparison.Ordinal));
        Assert.Empty(await Orphans.AfterSettlingAsync(TimeSpan.FromSeconds(15), ports));
        Assert.Empty(Postmasters(_work));
    }

    [PostgresFact]
    public async Task A_postgres_killed_mid_run_fails_that_cell_restarts_the_database_and_exits_1()
    {
        var (protocol, ports) = RepoProtocol.CopyTo(_work, Protocol);
        using var cli = QuickRun(protocol, "e2e-db-kill");

        using (var wait = new CancellationTokenSource(TimeSpan.FromMinutes(5)))
        {
            while (!cli.Output.Contains("cell 1/", StringComparison.Ordinal))
            {
                await Task.Delay(100, wait.Token);
            }
        }
        var postmaster = Assert.Single(Postmasters(_work));
        System.Diagnostics.Process.GetProcessById(postmaster).Kill();

        var exit = await cli.ExitCodeAsync(TimeSpan.FromMinutes(8));

        Assert.True(exit == 1, $"exit {exit}\n{cli.Output}");
        var run = new RunDirectory(RunPath("e2e-db-kill"));
        var failed = Assert.Single(run.Cells, c => c.Status == CellStatus.Failed);
        Assert.Contains("database went away", Assert.Single(failed.Failures).Message, StringComparison.Ordinal);
        // The cells after it ran on a new cluster with restarted servers.
        Assert.Contains(run.Cells, c => c.Status == CellStatus.Completed && c.StartedAt > failed.FinishedAt);
        Assert.Contains("database went away", cli.Output, StringComparison.Ordinal);
        Assert.Empty(await Orphans.AfterSettlingAsync(TimeSpan.FromSeconds(15), ports));
        Assert.Empty(Postmasters(_work));
    }

    [PostgresFact]
    public async Task A_write_answered_201_without_a_row_stops_the_campaign_with_exit_3_naming_the_scenario_and_row()
    {
        using var cli = CliProcess.Start(Repo.Root, "run", Repo.TestProtocol("phantom-writes.json"), "--output-dir", Output, "--run-id", "e2e-phantom");

        var exit = await cli.ExitCodeAsync(TimeSpan.FromMinutes(4));

        Assert.True(exit == 3, $"exit {exit}\n{cli.Output}");
        Assert.Contains("phantom_db: scenario db_write: answered 201 but no row was inserted; missing row {name: write-sample, amount: 777, category: omega}", cli.Output, StringComparison.Ordinal);
        var parity = Path.Combine(RunPath("e2e-phantom"), "parity", "parity_report.json");
        Assert.Contains("db.write_persisted", File.ReadAllText(parity), StringComparison.Ordinal);
        // The gate stops before any timing: no cell was measured.
        Assert.False(Directory.Exists(Path.Combine(RunPath("e2e-phantom"), "cells")), "cells were measured after a failed gate");
        Assert.Empty(await Orphans.AfterSettlingAsync(TimeSpan.FromSeconds(15), [3491, 3492]));
        Assert.Empty(Postmasters(_work));
    }

    [Fact]
    public async Task Missing_postgres_binaries_stop_the_run_before_anything_starts_with_the_apt_command()
    {
        var (protocol, ports) = RepoProtocol.CopyTo(_work, Protocol);
        var nowhere = new Dictionary<string, string> { [PostgresBinaries.RootVariable] = Path.Combine(_work, "no-postgresql") };
        using var cli = CliProcess.StartWith(nowhere, Repo.Root, "run", protocol, "--skip-build", "--output-dir", Output, "--run-id", "e2e-no-pg");

        var exit = await cli.ExitCodeAsync(TimeSpan.FromMinutes(2));

        Assert.True(exit == 1, $"exit {exit}\n{cli.Output}");
        Assert.Contains(PostgresBinaries.InstallCommand, cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("starting candidate", cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("parity gate", cli.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(RunPath("e2e-no-pg"), "cells")), "cells were measured without a database");
        Assert.Empty(await Orphans.AfterSettlingAsync(TimeSpan.FromSeconds(5), ports));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private CliProcess QuickRun(string protocol, string runId) =>
        CliProcess.Start(Repo.Root, "run", protocol, "--quick", "--skip-build", "--output-dir", Output, "--run-id", runId);

    /// <summary>postgres processes whose command line names a directory of this test: none may outlive the run.</summary>
    private static List<int> Postmasters(string directory) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(d => (Pid: int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0, Dir: d))
            .Where(p => p.Pid > 0 && CommandLine(p.Dir).Contains(directory, StringComparison.Ordinal) && CommandLine(p.Dir).Contains("postgres", StringComparison.Ordinal))
            .Select(p => p.Pid)];

    private static string CommandLine(string procDirectory)
    {
        try
        {
            return File.ReadAllText(Path.Combine(procDirectory, "cmdline")).Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}

/// <summary>Runs only where Debian's PostgreSQL server binaries are installed; skipped with the apt command elsewhere.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresBinaries.Find().Binaries is null)
        {
            Skip = $"PostgreSQL's server binaries are missing: {PostgresBinaries.InstallCommand} (scripts/install-prereqs.sh does)";
        }
    }
}
