using System.Text.Json;

namespace Faceoff.Statistics.Regression;

/// <summary>
/// A 1-based line and column in a JSON file, for the located errors of the regression gate's inputs
/// (the policy file here, the two campaign reports in the compare verb).
/// </summary>
public readonly record struct JsonPosition(int Line, int Column)
{
    private static readonly string[] LocationMarkers = [" Path: ", " LineNumber: "];

    /// <summary>The position of a byte offset, e.g. <see cref="Utf8JsonReader.TokenStartIndex"/>.</summary>
    public static JsonPosition Of(byte[] bytes, long index)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonPosition(line, (int)index - lineStart + 1);
    }

    /// <summary>Where a reader or serializer error happened (its zero-based line and byte position, made 1-based).</summary>
    public static JsonPosition Of(JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new JsonPosition((int)(error.LineNumber ?? 0) + 1, (int)(error.BytePositionInLine ?? 0) + 1);
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

    public override string ToString() => $"{Line}:{Column}";
}
