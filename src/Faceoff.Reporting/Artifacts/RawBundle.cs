using System.Formats.Tar;
using System.IO.Compression;

namespace Faceoff.Reporting.Artifacts;

/// <summary>
/// Writes <c>phased_raw_artifacts.tar.gz</c>: the named files (directories taken recursively) as GNU tar
/// entries under their run-relative paths, sorted, with one fixed timestamp, owner 0:0 and mode 0644,
/// so the same files always give the same archive bytes.
/// </summary>
public static class RawBundle
{
    private const UnixFileMode FileMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <param name="entryTime">Stamped on every entry (whole seconds); the run's start keeps archives of one run identical.</param>
    /// <returns>The run-relative paths written, in archive order.</returns>
    public static IReadOnlyList<string> Write(string runDir, IEnumerable<string> inputs, string bundlePath, DateTimeOffset entryTime)
    {
        var root = Path.GetFullPath(runDir);
        var bundleFull = Path.GetFullPath(bundlePath);
        var files = RunFiles.Expand(root, inputs)
            .Where(relative => Path.GetFullPath(Path.Combine(root, relative)) != bundleFull)
            .ToList();
        var stamp = DateTimeOffset.FromUnixTimeSeconds(entryTime.ToUnixTimeSeconds());
        AtomicFile.Write(bundleFull, stream =>
        {
            using var gzip = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
            using var tar = new TarWriter(gzip, TarEntryFormat.Gnu, leaveOpen: true);
            foreach (var relative in files)
            {
                using var data = File.OpenRead(Path.Combine(root, relative));
                var entry = new GnuTarEntry(TarEntryType.RegularFile, relative)
                {
                    ModificationTime = stamp,
                    AccessTime = stamp,
                    ChangeTime = stamp,
                    Mode = FileMode,
                    Uid = 0,
                    Gid = 0,
                    UserName = "",
                    GroupName = "",
                    DataStream = data,
                };
                tar.WriteEntry(entry);
            }
        });
        return files;
    }
}
