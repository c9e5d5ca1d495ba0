using Faceoff.Reporting.Model;

namespace Faceoff.Reporting.Artifacts;

/// <summary>A problem found when checking files against the manifest.</summary>
public sealed record VerificationFinding(string Path, string Problem)
{
    public override string ToString() => $"{Path}: {Problem}";
}

/// <summary>Builds <c>artifact_manifest.json</c> and checks a run directory against it.</summary>
public static class ManifestBuilder
{
    /// <summary>Hashes every file of the run directory except the manifest itself.</summary>
    /// <param name="bundled">The run-relative paths the raw bundle holds.</param>
    public static ArtifactManifest Build(string runDir, string runId, IReadOnlyCollection<string> bundled)
    {
        ArgumentNullException.ThrowIfNull(bundled);
        var inBundle = bundled.ToHashSet(StringComparer.Ordinal);
        var files = RunFiles.Describe(runDir, RunFiles.All(runDir, PublicationFiles.Manifest))
            .Select(f => new ManifestEntry(f.Path, f.Bytes, f.Sha256, inBundle.Contains(f.Path)))
            .ToList();
        return new ArtifactManifest(runId, files);
    }

    public static ArtifactManifest Write(string runDir, string runId, IReadOnlyCollection<string> bundled)
    {
        var manifest = Build(runDir, runId, bundled);
        AtomicFile.WriteAllText(Path.Combine(runDir, PublicationFiles.Manifest), ReportJson.Serialize(manifest));
        return manifest;
    }

    /// <summary>Compares the files on disk with the manifest: changed, missing and unlisted files.</summary>
    public static IReadOnlyList<VerificationFinding> VerifyFiles(string runDir, ArtifactManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var findings = new List<VerificationFinding>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in manifest.Files)
        {
            listed.Add(entry.Path);
            var full = Path.Combine(runDir, entry.Path);
            if (!File.Exists(full))
            {
                findings.Add(new(entry.Path, "listed in the manifest but missing"));
            }
            else if (RunFiles.Sha256(full) != entry.Sha256)
            {
                findings.Add(new(entry.Path, "content differs from the manifest (SHA-256 mismatch)"));
            }
        }

        findings.AddRange(RunFiles.All(runDir, PublicationFiles.Manifest)
            .Where(path => !listed.Contains(path))
            .Select(path => new VerificationFinding(path, "not listed in the manifest")));
        return findings;
    }
}
