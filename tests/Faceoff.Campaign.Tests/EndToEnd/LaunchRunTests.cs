using Faceoff.Reporting.Model;
using Faceoff.Testing;

namespace Faceoff.Campaign.Tests.EndToEnd;

/// <summary>
/// The real CLI on loopback: <c>measured.launches</c> 2 runs each cell on two fresh server pairs, and a server that
/// answers empty 200s under load (after passing the parity gate) makes the run exit 3 with the pack written.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class LaunchRunTests : IDisposable
{
    private static readonly int[] LaunchPorts = [3473, 3483];
    private static readonly int[] EmptyBodyPorts = [3474, 3484];
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(4);

    private readonly string _output = Directory.CreateTempSubdirectory("faceoff-e2e-launches-").FullName;

    [Fact]
    public async Task Two_launches_put_passes_of_launch_1_and_2_in_the_cell_each_served_by_its_own_processes()
    {
        using var cli = CliProcess.Start(Repo.Root, "run", Repo.TestProtocol("launches.json"), "--skip-parity", "--output-dir", _output, "--run-id", "launches");

        var exit = await cli.ExitCodeAsync(RunLimit);

        Assert.True(exit == 0, $"exit {exit}\n{cli.Output}");
        var run = new RunDirectory(Path.Combine(_output, "runs", "launches"));
        var cell = Assert.Single(run.Cells);
        Assert.Equal((CellStatus.Completed, 2), (cell.Status, cell.LaunchesDone));
        foreach (var side in new[] { Side.Candidate, Side.Reference })
        {
            var measured = cell.Measured(side).ToList();
            Assert.Equal([1, 1, 2, 2], measured.Select(p => p.Measurement.Launch));
            Assert.Equal([1, 2, 3, 4], measured.Select(p => p.Repeat));
            var uses = cell.Servers.Where(s => s.Side == side).ToList();
            Assert.Equal([1, 2], uses.Select(u => u.Launch));
            Assert.NotEqual(uses[0].Pid, uses[1].Pid);
            // Each launch's process wrote its own log: the second start did not overwrite the first's.
            Assert.NotEqual(uses[0].LogPath, uses[1].LogPath);
            Assert.All(uses, u => Assert.True(File.Exists(run.File(u.LogPath)), u.LogPath));
        }
        Assert.Contains("launch 2/2", cli.Output, StringComparison.Ordinal);
        var row = Assert.Single(run.Report.Comparisons);
        Assert.True(row.Launch is { CoversLaunchVariance: true, Candidate.Launches: 2, Reference.Launches: 2 }, $"launch facts: {row.Launch}");
        Assert.Empty(await Orphans.AfterSettlingAsync(TimeSpan.FromSeconds(15), LaunchPorts));
    }

    [Fact]
    public async Task Empty_200_bodies_under_load_exit_3_naming_the_cells_with_the_pack_written()
    {
        using var cli = CliProcess.Start(Repo.Root, "run", Repo.TestProtocol("empty-bodies.json"), "--output-dir", _output, "--run-id", "empty");

        var exit = await cli.ExitCodeAsync(RunLimit);

        Assert.True(exit == 3, $"exit {exit}\n{cli.Output}");
        var run = new RunDirectory(Path.Combine(_output, "runs", "empty"));
        // The parity gate saw correct answers: the fault shows only under load.
        Assert.Equal(ParityStatus.Passed, run.State.Parity);
        var report = run.Report;
        var candidateSides = report.Sides.Where(s => s.Profile == "broken").Select(s => s.Key).ToList();
        Assert.Equal(2, candidateSides.Count);
        Assert.Equal(candidateSides.Order(), report.ContractViolationSides.Order());
        Assert.All(candidateSides, key => Assert.Contains(key, cli.Output, StringComparison.Ordinal));
        Assert.Contains("contract violations under load in 2 cell side(s)", cli.Output, StringComparison.Ordinal);
        Assert.All(report.Sides.Where(s => s.Profile == "clean"), s => Assert.DoesNotContain(s.Key, report.ContractViolationSides));
        Assert.True(File.Exists(run.File(Reporting.PublicationFiles.Report)));
        Assert.True(File.Exists(run.File(Reporting.PublicationFiles.Manifest)));
        Assert.Empty(Reporting.Artifacts.BundleVerifier.Verify(run.Path));
        Assert.Empty(await Orphans.AfterSettlingAsync(TimeSpan.FromSeconds(15), EmptyBodyPorts));
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);
}
