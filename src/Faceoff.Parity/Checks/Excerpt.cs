using System.Globalization;
using System.Text;

namespace Faceoff.Parity.Checks;

/// <summary>Short, single-line, quoted renderings of bodies and values for messages and the report.</summary>
public static class Excerpt
{
    public const int DefaultLength = 160;

    /// <summary>The body as text, control characters escaped so whitespace differences stay visible.</summary>
    public static string Of(ReadOnlySpan<byte> body, int maxChars = DefaultLength) => Quote(Encoding.UTF8.GetString(body), maxChars);

    public static string Quote(string text, int maxChars = DefaultLength) => $"\"{Escape(text, maxChars, quotes: true)}\"";

    /// <summary>JSON raw text or a header value as one unquoted line, clipped.</summary>
    public static string Clip(string text, int maxChars = DefaultLength) => Escape(text, maxChars, quotes: false);

    private static string Escape(string text, int maxChars, bool quotes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (builder.Length >= maxChars)
            {
                builder.Append('…');
                break;
            }

            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '"' when quotes => "\\\"",
                '\\' when quotes => "\\\\",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// Where two byte strings first differ, e.g. <c>first difference at byte 9: aspnet 0x20 ' ', fastapi 0x22 '"'</c>;
    /// null when they are identical.
    /// </summary>
    public static string? FirstDifference(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, string leftLabel, string rightLabel)
    {
        var common = left.CommonPrefixLength(right);
        if (common == left.Length && common == right.Length)
        {
            return null;
        }

        return $"first difference at byte {common}: {leftLabel} {Byte(left, common)}, {rightLabel} {Byte(right, common)}";
    }

    private static string Byte(ReadOnlySpan<byte> bytes, int index) =>
        index >= bytes.Length
            ? "end of body"
            : string.Create(CultureInfo.InvariantCulture, $"0x{bytes[index]:x2} '{Clip(((char)bytes[index]).ToString())}'");
}
