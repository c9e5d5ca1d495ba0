using Faceoff.Reporting;
using Faceoff.Reporting.Artifacts;
using Faceoff.Reporting.Model;
using Faceoff.Testing;

namespace Faceoff.Campaign.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class DefaultQuickRunTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("faceoff-e2e-quick-").FullName;

    [Fact]
    public async Task A_quick_run_of_the_default_protocol_writes_verifies_and_points_to_the_whole_pack()
    {
        var (protocol, ports) = RepoProtocol.CopyTo(_work);
        var output = Path.Combine(_work, "out");
        using var cli = CliProcess.Start(Repo.Root, "run", protocol, "--quick", "--skip-build", "--output-dir", output, "--run-id", "e2e-quick");

        var exit = await cli.ExitCodeAsync(TimeSpan.FromMinutes(5));

        Assert.True(exit == 0, $"exit {exit}\n{cli.Output}");
        var run = new RunDirectory(Path.Combine(output, "runs", "e2e-quick"));
        foreach (var file in PublicationFiles.Rendered.Append(PublicationFiles.Bundle).Append(PublicationFiles.Manifest))
        {
            Assert.True(File.Exists(run.File(file)), $"{file} missing");
        }
        Assert.Empty(BundleVerifier.Verify(run.Path));
        Assert.Empty(ManifestBuilder.VerifyFiles(run.Path, ReportJson.ReadManifest(run.File(PublicationFiles.Manifest))));

        var raw = run.FilesUnder("cells", "servers", "parity", "prepare", "resolved_protocol.json", "run_state.json");
        Assert.Equal(raw, run.BundleEntries());
        Assert.Contains(raw, f => f.EndsWith(".hlog", StringComparison.Ordinal));
        Assert.Contains("parity/parity_report.json", raw);

        var report = run.Report;
        Assert.Equal(Reporting.Model.RunStatus.Complete, report.Status);
        Assert.Equal(Reporting.Model.ParityStatus.Passed, report.Parity.Status);
        Assert.True(report.Environment.QuickMode);
        Assert.Equal(14, run.Cells.Count);
        Assert.Equal(28, report.Sides.Count);
        Assert.Equal(14, report.Comparisons.Count);
        Assert.Equal(["C01", "C02", "C03"], report.Claims.Select(c => c.Target.ClaimId));
        Assert.Contains(report.Protocol.Overrides, o => o.Origin == QuickMode.Origin);

        foreach (var (latest, source) in new[]
        {
            (PublicationFiles.LatestReport, PublicationFiles.Report),
            (PublicationFiles.LatestComparisonCsv, PublicationFiles.ComparisonCsv),
            (PublicationFiles.LatestComparisonMarkdown, PublicationFiles.ComparisonMarkdown),
            (PublicationFiles.LatestMethodology, PublicationFiles.Methodology),
        })
        {
            Assert.Equal(File.ReadAllBytes(run.File(source)), File.ReadAllBytes(Path.Combine(output, latest)));
        }

        Assert.Contains("Comparison (candidate ÷ reference)", cli.Output, StringComparison.Ordinal);
        Assert.Contains("C02 comparison_http/api_status", cli.Output, StringComparison.Ordinal);
        Assert.Matches(@"\[\d\d:\d\d:\d\d\] comparison_http c=8 healthz cand r3/3 [\d,]+ req/s", cli.Output);
        Assert.Empty(await Orphans.AfterSettlingAsync(TimeSpan.FromSeconds(15), ports));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
