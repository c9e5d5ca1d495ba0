using System.Security.Cryptography;
using Faceoff.Reporting.Model;

namespace Faceoff.Reporting.Artifacts;

/// <summary>Relative paths, sizes and SHA-256 of the files of a run directory.</summary>
public static class RunFiles
{
    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Describes files of the run: each path relative to <paramref name="runDir"/> (a directory stands for every file under it), sorted.</summary>
    public static IReadOnlyList<ArtifactEntry> Describe(string runDir, IEnumerable<string> paths) =>
        [.. Expand(runDir, paths).Select(relative =>
        {
            var full = Path.Combine(runDir, relative);
            return new ArtifactEntry(relative, new FileInfo(full).Length, Sha256(full));
        })];

    /// <summary>
    /// Every file named by <paramref name="paths"/> (files, or directories taken recursively), as '/'-separated
    /// paths relative to <paramref name="runDir"/>, distinct and sorted ordinally so archives and manifests are stable.
    /// </summary>
    /// <exception cref="ArgumentException">A path lies outside the run directory.</exception>
    /// <exception cref="FileNotFoundException">A path names nothing.</exception>
    public static IReadOnlyList<string> Expand(string runDir, IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var root = Path.GetFullPath(runDir);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(Path.Combine(root, path));
            if (Directory.Exists(full))
            {
                foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories))
                {
                    files.Add(Relative(root, file));
                }
            }
            else if (File.Exists(full))
            {
                files.Add(Relative(root, full));
            }
            else
            {
                throw new FileNotFoundException($"Artifact '{path}' does not exist under {root}.", full);
            }
        }

        return [.. files];
    }

    /// <summary>Every file under <paramref name="runDir"/> except those named in <paramref name="excluded"/> and temporary files mid-write.</summary>
    public static IReadOnlyList<string> All(string runDir, params string[] excluded)
    {
        var root = Path.GetFullPath(runDir);
        return [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(file => Relative(root, file))
            .Where(relative => !excluded.Contains(relative, StringComparer.Ordinal) && !IsTemporary(relative))
            .Order(StringComparer.Ordinal)];
    }

    private static bool IsTemporary(string relative)
    {
        var name = relative[(relative.LastIndexOf('/') + 1)..];
        return name.StartsWith('.') && name.EndsWith(".tmp", StringComparison.Ordinal);
    }

    private static string Relative(string root, string full)
    {
        var relative = Path.GetRelativePath(root, full);
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new ArgumentException($"'{full}' is outside the run directory {root}.", nameof(full));
        }

        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
