using System.Globalization;

namespace Faceoff.Reporting.Html;

/// <summary>Short tick labels: "12k", "850 µs", "1.5 ms".</summary>
internal static class ChartLabels
{
    public static string Count(double value) => value switch
    {
        >= 10_000 => (value / 1000).ToString("0", CultureInfo.InvariantCulture) + "k",
        >= 1_000 => (value / 1000).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    public static string Latency(double microseconds) => microseconds switch
    {
        < 1_000 => microseconds.ToString("0.#", CultureInfo.InvariantCulture) + " µs",
        < 1_000_000 => (microseconds / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + " ms",
        _ => (microseconds / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + " s",
    };

    public static string Plain(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
