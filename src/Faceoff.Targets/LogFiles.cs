using System.Text;
using System.Text.RegularExpressions;

namespace Faceoff.Targets;

/// <summary>Log files of servers and build steps: unique names, faceoff's own annotation lines, and tails.</summary>
public static partial class LogFiles
{
    private const int TailBytes = 64 * 1024;

    /// <summary>The last <paramref name="lines"/> lines of a log (reads only its end), or "" when it does not exist.</summary>
    public static string Tail(string path, int lines = 40)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var start = Math.Max(0, stream.Length - TailBytes);
            stream.Seek(start, SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var all = reader.ReadToEnd().Split('\n');
            // A partial first line (we started mid-file) or the empty piece after a final newline is not a line.
            var usable = all.Skip(start > 0 ? 1 : 0).ToList();
            if (usable.Count > 0 && usable[^1].Length == 0)
            {
                usable.RemoveAt(usable.Count - 1);
            }

            return string.Join('\n', usable.TakeLast(lines));
        }
        catch (FileNotFoundException)
        {
            return string.Empty;
        }
        catch (DirectoryNotFoundException)
        {
            return string.Empty;
        }
    }

    /// <summary>
    /// Creates <c>&lt;directory&gt;/&lt;name&gt;.log</c>, or <c>name.2.log</c>, <c>name.3.log</c>... when it exists:
    /// an earlier launch's log is evidence and is never overwritten.
    /// </summary>
    internal static string CreateUnique(string directory, string name)
    {
        Directory.CreateDirectory(directory);
        var stem = UnsafeChars().Replace(name, "_");
        for (var n = 1; ; n++)
        {
            var path = Path.Combine(directory, n == 1 ? $"{stem}.log" : $"{stem}.{n}.log");
            try
            {
                using (new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                {
                    return path;
                }
            }
            catch (IOException) when (File.Exists(path))
            {
            }
        }
    }

    /// <summary>Appends lines marked as faceoff's own, so they stand apart from the program's output.</summary>
    internal static void Annotate(string path, params IEnumerable<string> lines)
    {
        try
        {
            File.AppendAllLines(path, lines.Select(line => $"[faceoff {DateTimeOffset.UtcNow:O}] {line}"));
        }
        catch (IOException)
        {
            // The log is evidence, not a dependency: a full disk must not turn a clean stop into a failure.
        }
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex UnsafeChars();
}
