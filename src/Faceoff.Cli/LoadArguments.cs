using System.Globalization;

namespace Faceoff.Cli;

/// <summary>Parses the load command's text arguments into values, collecting errors instead of throwing.</summary>
internal static class LoadArguments
{
    /// <summary>Parses "10s", "250ms", "2m", "1h" or a bare number of seconds.</summary>
    public static TimeSpan? ParseDuration(string text, string option, List<string> errors)
    {
        var trimmed = text.Trim();
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        var factor = 1.0;
        foreach (var (suffix, seconds) in units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed[..^suffix.Length];
                factor = seconds;
                break;
            }
        }

        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0 || double.IsInfinity(value))
        {
            errors.Add($"{option}: '{text}' is not a positive duration (e.g. 10s, 250ms, 2m)");
            return null;
        }

        return TimeSpan.FromSeconds(value * factor);
    }

    /// <summary>Parses "Name: value" headers.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseHeaders(IEnumerable<string> raw, List<string> errors)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in raw)
        {
            var colon = header.IndexOf(':');
            if (colon <= 0)
            {
                errors.Add($"--header: '{header}' is not 'Name: value'");
                continue;
            }

            headers.Add(new(header[..colon].Trim(), header[(colon + 1)..].Trim()));
        }

        return headers;
    }
}
