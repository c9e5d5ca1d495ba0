using System.Globalization;

namespace Faceoff.Reporting.Text;

/// <summary>
/// The fixed number formats of every output (invariant culture, fixed decimals), so the same report
/// always renders the same bytes. Missing values render as an empty string (CSV) or "n/a" (prose).
/// </summary>
public static class Fmt
{
    public const string Missing = "n/a";

    /// <summary>Fixed decimals, invariant; "-0.0" is written "0.0" so rounding never invents a sign.</summary>
    public static string Fixed(double value, int decimals)
    {
        var text = value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return text.StartsWith('-') && text.AsSpan(1).TrimStart("0.").IsEmpty ? text[1..] : text;
    }

    public static string Fixed(double? value, int decimals) => value is { } v ? Fixed(v, decimals) : "";

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>Requests per second with thousands separators, for people: "12,345".</summary>
    public static string Rps(double? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : Missing;

    /// <summary>A ratio with three decimals, for people.</summary>
    public static string Ratio(double? value) => value is { } v ? Fixed(v, 3) : Missing;

    /// <summary>A signed percentage, for people: "+12.3%".</summary>
    public static string SignedPct(double? value)
    {
        if (value is not { } v)
        {
            return Missing;
        }

        var text = Fixed(v, 1);
        return (text.StartsWith('-') || text == "0.0" ? text : "+" + text) + "%";
    }

    /// <summary>A fraction as a percentage, for people: 0.042 → "4.2%".</summary>
    public static string Percent(double? fraction, int decimals = 1) =>
        fraction is { } f ? Fixed(f * 100, decimals) + "%" : Missing;

    /// <summary>A latency in microseconds in the unit a person reads best: "85.3 µs", "1.25 ms", "2.10 s".</summary>
    public static string Latency(double? microseconds) => microseconds switch
    {
        null => Missing,
        < 100 => Fixed(microseconds.Value, 1) + " µs",
        < 1_000 => Fixed(microseconds.Value, 0) + " µs",
        < 1_000_000 => Fixed(microseconds.Value / 1_000, 2) + " ms",
        _ => Fixed(microseconds.Value / 1_000_000, 2) + " s",
    };

    /// <summary>A size in KiB as MiB for people: "123.4 MiB".</summary>
    public static string Mib(double? kib) => kib is { } k ? Fixed(k / 1024, 1) + " MiB" : Missing;

    /// <summary>Bytes for people: "12.3 KiB".</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => Integer(bytes) + " B",
        < 1024 * 1024 => Fixed(bytes / 1024.0, 1) + " KiB",
        _ => Fixed(bytes / (1024.0 * 1024), 1) + " MiB",
    };

    /// <summary>A ratio with its interval: "1.234 [1.180–1.290]".</summary>
    public static string RatioWithCi(Faceoff.Statistics.Interval? ratio) =>
        ratio is null ? Missing : $"{Fixed(ratio.Point, 3)} [{Fixed(ratio.Lower, 3)}–{Fixed(ratio.Upper, 3)}]";

    /// <summary>UTC timestamp as ISO 8601 to the second: "2026-02-24T10:00:00Z".</summary>
    public static string Utc(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : Missing;

    /// <summary>A duration in seconds for people: "42.0 s", "3 min 05 s".</summary>
    public static string Seconds(double seconds) => seconds < 120
        ? Fixed(seconds, 1) + " s"
        : $"{Integer((long)(seconds / 60))} min {((long)seconds % 60).ToString("00", CultureInfo.InvariantCulture)} s";
}
