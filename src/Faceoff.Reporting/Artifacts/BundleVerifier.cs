using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Faceoff.Reporting.Model;

namespace Faceoff.Reporting.Artifacts;

/// <summary>
/// Re-reads the raw bundle and checks it against the manifest: the archive's own hash, every entry's
/// size and SHA-256, entries the manifest does not expect, and expected files the archive lacks.
/// An empty result means the bundle is exactly what the manifest says.
/// </summary>
public static class BundleVerifier
{
    public static IReadOnlyList<VerificationFinding> Verify(string runDir)
    {
        var manifestPath = Path.Combine(runDir, PublicationFiles.Manifest);
        var bundlePath = Path.Combine(runDir, PublicationFiles.Bundle);
        if (!File.Exists(manifestPath))
        {
            return [new(PublicationFiles.Manifest, "missing")];
        }

        if (!File.Exists(bundlePath))
        {
            return [new(PublicationFiles.Bundle, "missing")];
        }

        ArtifactManifest manifest;
        try
        {
            manifest = ReportJson.ReadManifest(manifestPath);
        }
        catch (JsonException e)
        {
            return [new(PublicationFiles.Manifest, "unreadable: " + e.Message)];
        }

        var findings = new List<VerificationFinding>();
        var entries = manifest.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        if (!entries.TryGetValue(PublicationFiles.Bundle, out var bundleEntry))
        {
            findings.Add(new(PublicationFiles.Bundle, "not listed in the manifest"));
        }
        else if (RunFiles.Sha256(bundlePath) != bundleEntry.Sha256)
        {
            findings.Add(new(PublicationFiles.Bundle, "archive differs from the manifest (SHA-256 mismatch)"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            CheckEntries(bundlePath, entries, seen, findings);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            findings.Add(new(PublicationFiles.Bundle, "not a readable tar.gz: " + e.Message));
        }

        findings.AddRange(manifest.Files
            .Where(f => f.InBundle && !seen.Contains(f.Path))
            .Select(f => new VerificationFinding(f.Path, "expected in the bundle but absent")));
        return findings;
    }

    private static void CheckEntries(
        string bundlePath, Dictionary<string, ManifestEntry> entries, HashSet<string> seen, List<VerificationFinding> findings)
    {
        using var file = File.OpenRead(bundlePath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
            {
                findings.Add(new(entry.Name, $"unexpected {entry.EntryType} entry in the bundle"));
                continue;
            }

            if (!seen.Add(entry.Name))
            {
                findings.Add(new(entry.Name, "appears more than once in the bundle"));
                continue;
            }

            var (bytes, sha) = Hash(entry.DataStream);
            if (!entries.TryGetValue(entry.Name, out var expected) || !expected.InBundle)
            {
                findings.Add(new(entry.Name, "in the bundle but not listed as bundled in the manifest"));
            }
            else if (bytes != expected.Bytes || sha != expected.Sha256)
            {
                findings.Add(new(entry.Name, $"bundled copy differs from the manifest ({bytes} bytes, SHA-256 {sha}; manifest: {expected.Bytes} bytes, {expected.Sha256})"));
            }
        }
    }

    private static (long Bytes, string Sha256) Hash(Stream? data)
    {
        if (data is null)
        {
            return (0, RunFiles.Sha256([]));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = data.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
        }

        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
