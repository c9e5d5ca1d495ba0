using System.Text.Json;

namespace Faceoff.Protocol.Json;

/// <summary>
/// A 1-based line and column in a JSON file, the one way every located error of Faceoff's JSON inputs (protocols,
/// regression policies, campaign reports) is placed. Columns count characters, not bytes, so a message points at
/// the same column an editor shows even after non-ASCII text.
/// </summary>
public readonly record struct JsonPosition(int Line, int Column)
{
    private static readonly string[] LocationMarkers = [" Path: ", " LineNumber: "];

    /// <summary>The position of a byte offset, e.g. <see cref="Utf8JsonReader.TokenStartIndex"/>.</summary>
    public static JsonPosition Of(ReadOnlySpan<byte> bytes, long index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonPosition(line, Characters(bytes, lineStart, (int)index) + 1);
    }

    /// <summary>Where a reader or serializer error happened in <paramref name="bytes"/> (its zero-based line and byte position, made 1-based).</summary>
    public static JsonPosition Of(JsonException error, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(error);
        var line = (int)(error.LineNumber ?? 0);
        var lineStart = 0;
        for (var seen = 0; seen < line && lineStart < bytes.Length; lineStart++)
        {
            if (bytes[lineStart] == (byte)'\n')
            {
                seen++;
            }
        }
        return new JsonPosition(line + 1, Characters(bytes, lineStart, lineStart + (int)(error.BytePositionInLine ?? 0)) + 1);
    }

    /// <summary>UTF-8 characters in a byte range: every byte that does not continue a multi-byte sequence.</summary>
    public static int Characters(ReadOnlySpan<byte> bytes, int from, int to)
    {
        var count = 0;
        for (var i = from; i < Math.Min(to, bytes.Length); i++)
        {
            if ((bytes[i] & 0xC0) != 0x80)
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>
    /// The message of a <see cref="JsonException"/> without the path and position it appends, which the
    /// located error already carries in its own form.
    /// </summary>
    public static string StripLocation(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var cuts = LocationMarkers
            .Select(marker => message.IndexOf(marker, StringComparison.Ordinal))
            .Where(index => index >= 0)
            .ToArray();
        return cuts.Length == 0 ? message : message[..cuts.Min()].TrimEnd();
    }

    /// <summary>A serializer error in the file at <paramref name="path"/> as <c>file:line:col: json-path: message</c> (no position when it has none).</summary>
    public static string Located(string path, JsonException error, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = StripLocation(error.Message);
        return error.LineNumber is not null ? $"{path}:{Of(error, bytes)}: {error.Path ?? "$"}: {message}" : $"{path}: {message}";
    }

    public override string ToString() => $"{Line}:{Column}";
}
