using Faceoff.Campaign.Model;
using Faceoff.Campaign.Tests.Fakes;
using Faceoff.Protocol.Model;

using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Tests;

public sealed class RunnerDatabaseTests
{
    [Fact]
    public async Task A_writing_cell_starts_from_a_reset_table_and_every_measured_pass_records_its_writes_and_database_cost()
    {
        using var harness = new Harness();
        harness.Backend.Db = new FakeDatabase();
        // Each pass inserts 7 rows, but the fake engine counts no 201: every measured pass must show the mismatch.
        harness.Backend.DatabaseEffect = (db, _) => db.Inserted += 7;

        var outcome = await harness.RunAsync(WithWrite(TestProtocols.Build(scenarios: ["healthz", "write"], ladder: [1])));

        Assert.Equal(CampaignResult.Completed, outcome.Result);
        Assert.Equal(1, harness.Backend.Db.Resets);
        var write = outcome.Cells.Single(c => c.Scenario == "write");
        var measured = write.Passes.Where(p => p.Kind == PassKind.Measured).ToList();
        Assert.NotEmpty(measured);
        Assert.All(measured, p =>
        {
            Assert.Equal(0, p.Measurement.Writes!.Expected);
            Assert.Equal(7, p.Measurement.Writes.Inserted);
            Assert.Equal(0.5, p.Measurement.Database!.CpuSeconds);
        });
        Assert.All(write.Passes.Where(p => p.Kind == PassKind.Warmup), p => Assert.Null(p.Measurement.Database));
        var read = outcome.Cells.Single(c => c.Scenario == "healthz");
        Assert.All(read.Passes.Where(p => p.Kind == PassKind.Measured), p =>
        {
            Assert.Null(p.Measurement.Writes);
            Assert.NotNull(p.Measurement.Database);
        });
    }

    [Fact]
    public async Task A_database_that_dies_mid_cell_fails_that_cell_and_the_next_cell_gets_a_new_database_and_new_servers()
    {
        using var harness = new Harness();
        harness.Backend.Db = new FakeDatabase();
        // Pass 3 of the run is the first cell's cand r1 (after one warmup per side).
        harness.Backend.DatabaseEffect = (db, n) => db.IsAlive = db.IsAlive && n != 3;

        var outcome = await harness.RunAsync(TestProtocols.Build(scenarios: ["healthz"], ladder: [1, 2]));

        Assert.Equal(CampaignResult.CompletedWithFailures, outcome.Result);
        var failure = Assert.Single(outcome.Cells[0].Failures);
        Assert.Equal(ServerFailureKind.DatabaseWentAway, failure.Kind);
        Assert.Contains("database went away", failure.Message, StringComparison.Ordinal);
        Assert.Equal(CellStatus.Completed, outcome.Cells[1].Status);
        Assert.Equal(2, harness.Backend.Db.Generation);
        // Both servers held the old {database_url}: both were replaced for the next cell.
        Assert.Equal(2, harness.Backend.Servers.Count(s => s.Spec.Side == Side.Candidate));
        Assert.Equal(2, harness.Backend.Servers.Count(s => s.Spec.Side == Side.Reference));
        Assert.All(harness.Backend.Servers, s => Assert.True(s.Stopped));
    }

    [Fact]
    public async Task A_database_that_cannot_be_restarted_fails_the_remaining_cells_at_once()
    {
        using var harness = new Harness();
        harness.Backend.Db = new FakeDatabase { RestartFails = true };
        harness.Backend.DatabaseEffect = (db, n) => db.IsAlive = db.IsAlive && n != 3;

        var outcome = await harness.RunAsync(TestProtocols.Build(scenarios: ["healthz"], ladder: [1, 2, 4]));

        Assert.Equal(CampaignResult.CompletedWithFailures, outcome.Result);
        Assert.All(outcome.Cells, c => Assert.Equal(CellStatus.Failed, c.Status));
        Assert.All(outcome.Cells.Skip(1), c => Assert.Empty(c.Passes));
        Assert.All(outcome.Cells.Skip(1), c => Assert.Contains("database went away", Assert.Single(c.Failures).Message, StringComparison.Ordinal));
    }

    private static CampaignProtocol WithWrite(CampaignProtocol protocol) =>
        protocol with { Scenarios = protocol.Scenarios.SetItem("write", protocol.Scenarios["write"] with { Method = "POST", Body = "{}" }) };
}
