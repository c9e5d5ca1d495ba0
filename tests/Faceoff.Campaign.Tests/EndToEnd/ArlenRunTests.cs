using System.Text.Json.Nodes;
using Faceoff.Reporting.Model;
using Faceoff.Testing;

namespace Faceoff.Campaign.Tests.EndToEnd;

/// <summary>
/// The seed's own framework through the real CLI: Arlen's boomhauer, built by scripts/arlen/build.sh, against the
/// seed's FastAPI reference app from the same Arlen tree. Skipped, with the reason, where no build exists or can be made.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class ArlenRunTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("faceoff-e2e-arlen-").FullName;

    [ArlenFact]
    public async Task The_arlen_example_runs_boomhauer_against_the_seeds_reference_app_with_its_differences_declared()
    {
        var tree = await ArlenBuild.TreeAsync();
        var (protocol, ports) = CopyExample(tree);
        var output = Path.Combine(_work, "out");
        using var cli = CliProcess.Start(Repo.Root, "run", protocol, "--quick", "--output-dir", output, "--run-id", "e2e-arlen");

        var exit = await cli.ExitCodeAsync(TimeSpan.FromMinutes(10));

        Assert.True(exit == 0, $"exit {exit}\n{cli.Output}");
        var report = new RunDirectory(Path.Combine(output, "runs", "e2e-arlen")).Report;
        Assert.Equal(RunStatus.Complete, report.Status);
        Assert.Equal(ParityStatus.Passed, report.Parity.Status);
        // The declared difference is still in the report, with its reason, on the / scenario of both pairs.
        Assert.Equal(
            ["root", "root"],
            report.Parity.Checks.Where(c => c.Detail.StartsWith("known difference (declared: Arlen renders /", StringComparison.Ordinal)).Select(c => c.Scenario));
        Assert.All(report.Sides, c => Assert.Equal(CellStatus.Completed, c.Status));
        Assert.Contains(report.Comparisons, c => (c.Candidate.Profile, c.Reference.Profile) == ("comparison_http", "fastapi_comparison_http"));
        Assert.Contains(report.Comparisons, c => (c.Candidate.Profile, c.Reference.Profile) == ("middleware_heavy", "fastapi_middleware_heavy"));
        Assert.Equal(["C01", "C02", "C03"], report.Claims.Select(c => c.Target.ClaimId).Order(StringComparer.Ordinal));
        Assert.Empty(await Orphans.AfterSettlingAsync(TimeSpan.FromSeconds(15), ports));
    }

    [ArlenFact]
    public async Task The_seeds_v1_file_in_the_built_tree_resolves_to_Arlen_itself()
    {
        var tree = await ArlenBuild.TreeAsync();
        var v1 = Path.Combine(tree, "tests", "performance", "protocols", "phased_baseline_campaign.json");
        using var cli = CliProcess.Start(tree, "validate", v1);

        var exit = await cli.ExitCodeAsync(TimeSpan.FromMinutes(2));

        Assert.True(exit == 0, $"exit {exit}\n{cli.Output}");
        Assert.Contains($"its profiles run Arlen itself from {Path.GetFullPath(tree)}", cli.Output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(Path.GetFullPath(tree), "build", "boomhauer"), cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT Arlen", cli.Output, StringComparison.Ordinal);
    }

    /// <summary>The example with {arlen_home} written out (the CLI child gets no FACEOFF_* variables) and free ports.</summary>
    private (string Path, int[] Ports) CopyExample(string tree)
    {
        var source = Path.Combine(Repo.Root, "protocols", "examples", "arlen-vs-fastapi.json");
        var node = JsonNode.Parse(File.ReadAllText(source).Replace("{arlen_home}", Path.GetFullPath(tree), StringComparison.Ordinal))!;
        var ports = new List<int>();
        foreach (var pair in node["pairs"]!.AsArray())
        {
            foreach (var side in new[] { "candidate_port", "reference_port" })
            {
                var port = FreePort.Get();
                pair![side] = port;
                ports.Add(port);
            }
        }

        var path = Path.Combine(_work, "arlen-vs-fastapi.json");
        File.WriteAllText(path, node.ToJsonString());
        return (path, [.. ports]);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
