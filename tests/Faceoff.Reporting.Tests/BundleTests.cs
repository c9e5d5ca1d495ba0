using System.Formats.Tar;
using System.IO.Compression;
using Faceoff.Reporting.Artifacts;
using Faceoff.Reporting.Model;
using Faceoff.Reporting.Tests.Fixtures;

namespace Faceoff.Reporting.Tests;

public sealed class BundleTests : IDisposable
{
    private static readonly string[] BundleInputs = ["raw", "logs", "parity/parity_report.json", "protocol"];

    private readonly TempDir _root = new();
    private readonly CampaignReport _report = ReportFixture.Build();

    private string RunDir => _root.File("runs/" + _report.RunId);

    private string LatestDir => _root.Path;

    public BundleTests()
    {
        foreach (var (path, content) in ReportFixture.RawFiles(_report.Sides))
        {
            AtomicFile.WriteAllText(Path.Combine(RunDir, path), content);
        }
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Publish_writes_a_verified_bundle_a_sorted_manifest_and_the_latest_pointers()
    {
        var result = PublicationWriter.Publish(_report, RunDir, BundleInputs, LatestDir);

        Assert.Empty(result.Findings);
        Assert.True(result.LatestUpdated);
        var paths = result.Manifest.Files.Select(f => f.Path).ToList();
        Assert.Equal(paths.Order(StringComparer.Ordinal), paths);
        Assert.DoesNotContain(PublicationFiles.Manifest, paths);
        Assert.Contains(PublicationFiles.Bundle, paths);
        Assert.Contains(PublicationFiles.Html, paths);
        Assert.Equal(_report.Artifacts.Select(a => a.Path).Order(StringComparer.Ordinal), result.Manifest.Files.Where(f => f.InBundle).Select(f => f.Path));
        Assert.Empty(ManifestBuilder.VerifyFiles(RunDir, ReportJson.ReadManifest(Path.Combine(RunDir, PublicationFiles.Manifest))));
        foreach (var latest in new[] { PublicationFiles.LatestReport, PublicationFiles.LatestComparisonCsv, PublicationFiles.LatestComparisonMarkdown, PublicationFiles.LatestMethodology, PublicationFiles.LatestHtml })
        {
            Assert.True(File.Exists(Path.Combine(LatestDir, latest)), latest);
        }

        Assert.Equal(File.ReadAllBytes(Path.Combine(RunDir, PublicationFiles.ComparisonCsv)), File.ReadAllBytes(Path.Combine(LatestDir, PublicationFiles.LatestComparisonCsv)));
    }

    [Fact]
    public void The_latest_page_links_back_into_the_run_directory()
    {
        PublicationWriter.Publish(_report, RunDir, BundleInputs, LatestDir);
        var page = File.ReadAllText(Path.Combine(LatestDir, PublicationFiles.LatestHtml));
        Assert.Contains($"<a href=\"runs/{_report.RunId}/{PublicationFiles.Bundle}\">", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"runs/{_report.RunId}/{_report.Artifacts[0].Path}\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tar_holds_every_input_file_byte_for_byte_in_sorted_order_with_fixed_metadata()
    {
        var bundled = RawBundle.Write(RunDir, BundleInputs, Path.Combine(RunDir, PublicationFiles.Bundle), _report.StartedUtc);

        using var file = File.OpenRead(Path.Combine(RunDir, PublicationFiles.Bundle));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var names = new List<string>();
        while (tar.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
            Assert.Equal(_report.StartedUtc, entry.ModificationTime);
            Assert.Equal(0, entry.Uid);
            using var copy = new MemoryStream();
            entry.DataStream!.CopyTo(copy);
            Assert.Equal(File.ReadAllBytes(Path.Combine(RunDir, entry.Name)), copy.ToArray());
        }

        Assert.Equal(bundled, names);
        Assert.Equal(ReportFixture.RawFiles(_report.Sides).Keys, names);
    }

    [Fact]
    public void The_same_files_give_the_same_archive_bytes()
    {
        var first = _root.File("a.tar.gz");
        var second = _root.File("b.tar.gz");
        RawBundle.Write(RunDir, BundleInputs, first, _report.StartedUtc);
        RawBundle.Write(RunDir, [.. BundleInputs.Reverse()], second, _report.StartedUtc);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void The_verifier_catches_a_bundle_rebuilt_with_a_tampered_file()
    {
        PublicationWriter.Seal(_report, RunDir, BundleInputs, latestDir: null);
        var victim = _report.Artifacts[5].Path;
        File.AppendAllText(Path.Combine(RunDir, victim), "tampered\n");
        RawBundle.Write(RunDir, BundleInputs, Path.Combine(RunDir, PublicationFiles.Bundle), _report.StartedUtc);

        var findings = BundleVerifier.Verify(RunDir);

        Assert.Contains(findings, f => f.Path == PublicationFiles.Bundle && f.Problem.Contains("SHA-256 mismatch", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Path == victim && f.Problem.Contains("bundled copy differs", StringComparison.Ordinal));
        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public void The_verifier_catches_a_missing_entry_and_a_corrupt_archive()
    {
        PublicationWriter.Seal(_report, RunDir, BundleInputs, latestDir: null);
        RawBundle.Write(RunDir, ["raw"], Path.Combine(RunDir, PublicationFiles.Bundle), _report.StartedUtc);
        Assert.Contains(BundleVerifier.Verify(RunDir), f => f.Path == "parity/parity_report.json" && f.Problem == "expected in the bundle but absent");

        File.WriteAllBytes(Path.Combine(RunDir, PublicationFiles.Bundle), [0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]);
        Assert.Contains(BundleVerifier.Verify(RunDir), f => f.Path == PublicationFiles.Bundle && f.Problem.StartsWith("not a readable tar.gz", StringComparison.Ordinal));
    }

    [Fact]
    public void Manifest_verification_catches_changed_missing_and_unlisted_files()
    {
        var result = PublicationWriter.Seal(_report, RunDir, BundleInputs, latestDir: null);
        File.AppendAllText(Path.Combine(RunDir, "logs/comparison_http/comparison_http/healthz/c1.log"), "x");
        File.Delete(Path.Combine(RunDir, "protocol/resolved_protocol.json"));
        File.WriteAllText(Path.Combine(RunDir, "stray.txt"), "x");

        var findings = ManifestBuilder.VerifyFiles(RunDir, result.Manifest).Select(f => f.ToString()).ToList();

        Assert.Equal(
            [
                "logs/comparison_http/comparison_http/healthz/c1.log: content differs from the manifest (SHA-256 mismatch)",
                "protocol/resolved_protocol.json: listed in the manifest but missing",
                "stray.txt: not listed in the manifest",
            ],
            findings);
    }

    [Fact]
    public void A_bundle_input_outside_the_run_directory_is_refused()
    {
        File.WriteAllText(_root.File("outside.txt"), "x");
        Assert.Throws<ArgumentException>(() => RunFiles.Expand(RunDir, ["../../outside.txt"]));
        Assert.Throws<FileNotFoundException>(() => RunFiles.Expand(RunDir, ["no-such-file"]));
    }
}
