using Faceoff.Reporting.Artifacts;
using Faceoff.Reporting.Model;
using Faceoff.Reporting.Tests.Fixtures;

namespace Faceoff.Reporting.Tests;

public sealed class RegenerationTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Regenerating_from_the_json_reproduces_every_output_byte_for_byte()
    {
        var runDir = _dir.File("run");
        var written = PublicationWriter.WriteAll(ReportFixture.Build(), runDir);
        Assert.Equal(PublicationFiles.Rendered, written.Select(Path.GetFileName));
        var before = Hashes(runDir);

        var again = _dir.File("again");
        PublicationWriter.WriteAll(ReportJson.ReadReport(Path.Combine(runDir, PublicationFiles.Report)), again);

        Assert.Equal(before, Hashes(again));
    }

    [Fact]
    public void The_report_verb_finds_every_output_identical_to_the_manifest()
    {
        var runDir = _dir.File("run");
        var report = ReportFixture.Build();
        foreach (var (path, content) in ReportFixture.RawFiles(report.Sides))
        {
            AtomicFile.WriteAllText(Path.Combine(runDir, path), content);
        }

        PublicationWriter.Publish(report, runDir, ["raw", "logs", "parity", "protocol"], latestDir: null);
        File.Delete(Path.Combine(runDir, PublicationFiles.Html));

        var results = ReportRegeneration.Run(runDir);

        Assert.Equal(PublicationFiles.Rendered, results.Select(r => r.FileName));
        Assert.All(results, r => Assert.Equal(RegeneratedState.Identical, r.State));
        Assert.Empty(ManifestBuilder.VerifyFiles(runDir, ReportJson.ReadManifest(Path.Combine(runDir, PublicationFiles.Manifest))));
    }

    [Fact]
    public void The_report_verb_reports_outputs_that_no_longer_match()
    {
        var runDir = _dir.File("run");
        PublicationWriter.WriteAll(ReportFixture.Build(), runDir);
        File.AppendAllText(Path.Combine(runDir, PublicationFiles.Methodology), "edited by hand\n");

        var results = ReportRegeneration.Run(runDir, _dir.File("out"));

        Assert.Equal(RegeneratedState.Differs, results.Single(r => r.FileName == PublicationFiles.Methodology).State);
        Assert.Equal(RegeneratedState.Identical, results.Single(r => r.FileName == PublicationFiles.ComparisonCsv).State);
        Assert.True(File.Exists(_dir.File("out/" + PublicationFiles.Html)));
        Assert.False(File.Exists(_dir.File("out/" + PublicationFiles.Report)));
    }

    [Fact]
    public void A_run_directory_without_a_report_is_a_clear_error()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ReportRegeneration.Run(_dir.Path));
        Assert.Contains(PublicationFiles.Report, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Atomic_writes_replace_the_file_and_leave_no_temporary_files()
    {
        var path = _dir.File("nested/out.txt");
        AtomicFile.WriteAllText(path, "first");
        AtomicFile.WriteAllText(path, "second ü");
        Assert.Equal("second ü"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_dir.File("nested")));
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, _ => throw new InvalidOperationException("boom")));
        Assert.Equal("second ü", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_dir.File("nested")));
    }

    private static Dictionary<string, string> Hashes(string dir) =>
        Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f), f => RunFiles.Sha256(f));
}
