namespace Faceoff.Reporting.Artifacts;

/// <summary>
/// <c>artifact_manifest.json</c>: every file of the run directory except the manifest itself,
/// sorted by path (ordinal), with size and SHA-256; <see cref="ManifestEntry.InBundle"/> marks
/// the files the raw-artifact bundle must contain.
/// </summary>
public sealed record ArtifactManifest(string RunId, IReadOnlyList<ManifestEntry> Files)
{
    public int SchemaVersion { get; init; } = 1;
}

public sealed record ManifestEntry(string Path, long Bytes, string Sha256, bool InBundle);
