using Faceoff.Reporting.Model;
using Faceoff.Testing;

namespace Faceoff.Campaign.Tests.EndToEnd;

/// <summary>
/// The promise that any server started by a command and a port can be a contestant, kept by a framework Faceoff
/// knows nothing about: Node's http module (apps/node) against the FastAPI app, through the real CLI.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class NodeExampleRunTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("faceoff-e2e-node-").FullName;

    [Fact]
    public async Task The_node_example_passes_parity_including_overload_and_is_measured_and_compared()
    {
        var (protocol, ports) = RepoProtocol.CopyTo(_work, RepoProtocol.NodeExample);
        var output = Path.Combine(_work, "out");
        using var cli = CliProcess.Start(Repo.Root, "run", protocol, "--quick", "--output-dir", output, "--run-id", "e2e-node");

        var exit = await cli.ExitCodeAsync(TimeSpan.FromMinutes(5));

        Assert.True(exit == 0, $"exit {exit}\n{cli.Output}");
        var report = new RunDirectory(Path.Combine(output, "runs", "e2e-node")).Report;
        Assert.Equal(RunStatus.Complete, report.Status);
        Assert.Equal(ParityStatus.Passed, report.Parity.Status);
        // C05 ran on Node's constrained mode, not skipped for want of a variant.
        Assert.Equal(
            ["C05 backpressure.holds", "C05 backpressure.overload", "C05 backpressure.recovery"],
            report.Parity.Checks.Where(c => c.Profile == "node" && c.CheckId.StartsWith("C05", StringComparison.Ordinal) && c.Status == ParityStatus.Passed)
                .Select(c => c.CheckId).Order(StringComparer.Ordinal));
        Assert.Equal(12, report.Sides.Count);
        Assert.All(report.Sides, c => Assert.Equal((CellStatus.Completed, 3), (c.Status, c.Repeats.Count)));
        Assert.Equal(6, report.Comparisons.Count);
        Assert.All(report.Comparisons, c => Assert.Equal(("node_http", "fastapi_http"), (c.Candidate.Profile, c.Reference.Profile)));
        Assert.All(report.Comparisons, c => Assert.NotNull(c.ThroughputRatio));
        Assert.Equal("N01", Assert.Single(report.Claims).Target.ClaimId);
        Assert.Empty(await Orphans.AfterSettlingAsync(TimeSpan.FromSeconds(15), ports));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
