using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Faceoff.Protocol.Overrides;

/// <summary>Parsers for override text; each returns null when the text is not acceptable.</summary>
internal static partial class OverrideParsers
{
    public const string LadderExpectation = "a comma-separated list of increasing integers 1-10000, e.g. 1,4,8";
    public const string BoolExpectation = "1/0, true/false, yes/no or on/off";
    public const string PinExpectation = "off, auto, or SERVER/LOAD CPU lists such as 0/1 or 0-1/2-3";
    public const string DurationExpectation = "a number of seconds greater than 0";
    public const string RunIdExpectation = "letters, digits, '_', '-' or '.' (it names a directory)";

    public static long? Positive(string text, long max) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max ? n : null;

    /// <summary>Names the upper bound only when that is what the value broke.</summary>
    public static string PositiveExpectation(string text, long max) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? $"a positive integer up to {max}"
            : "a positive integer";

    public static double? Seconds(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && seconds > 0
            ? seconds
            : null;

    public static ImmutableArray<int>? Ladder(string text)
    {
        var steps = new List<int>();
        foreach (var part in text.Split(','))
        {
            if (Positive(part.Trim(), ProtocolDefaults.MaxConcurrency) is not { } step || (steps.Count > 0 && step <= steps[^1]))
            {
                return null;
            }

            steps.Add((int)step);
        }

        return [.. steps];
    }

    public static bool? Bool(string text) => text.ToLowerInvariant() switch
    {
        "1" or "true" or "yes" or "on" => true,
        "0" or "false" or "no" or "off" => false,
        _ => null,
    };

    public static bool IsRunId(string text) => RunId().IsMatch(text);

    /// <summary>Whether the spec is valid, and the pinning it asks for (null for off).</summary>
    public static (bool Valid, CpuPinning? Pinning) Pin(string spec)
    {
        // "on"/"off" and the other boolean spellings read naturally for pinning too; "on" means auto.
        if (spec.Equals("auto", StringComparison.OrdinalIgnoreCase) || Bool(spec) == true)
        {
            return (true, CpuPinning.Auto);
        }

        if (Bool(spec) == false)
        {
            return (true, null);
        }

        var sides = spec.Split('/');
        return sides.Length == 2 && CpuList.Parse(sides[0]) is { } server && CpuList.Parse(sides[1]) is { } load
            ? (true, new CpuPinning(server, load))
            : (false, null);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex RunId();
}
