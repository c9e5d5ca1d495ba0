using System.Text;

namespace Faceoff.Reporting;

/// <summary>
/// Writes files so a reader never sees half of one: the content goes to a temporary file in the same
/// directory, is flushed to disk, then renamed over the target (rename is atomic on one file system).
/// Text is UTF-8 without a byte-order mark.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string contents) => WriteAllBytes(path, Utf8NoBom.GetBytes(contents));

    public static void WriteAllBytes(string path, byte[] contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        Write(path, stream => stream.Write(contents));
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> atomically.</summary>
    public static void Copy(string source, string destination) =>
        Write(destination, stream =>
        {
            using var input = File.OpenRead(source);
            input.CopyTo(stream);
        });

    /// <summary>Lets <paramref name="writeContents"/> fill the file's stream, then publishes the file at once.</summary>
    public static void Write(string path, Action<Stream> writeContents)
    {
        ArgumentNullException.ThrowIfNull(writeContents);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                writeContents(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, fullPath, overwrite: true);
        }
        finally
        {
            // Only left behind when writing failed; the target keeps its previous content then.
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
