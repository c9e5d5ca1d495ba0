namespace Faceoff.Reporting.Html;

/// <summary>A tick on an axis: where (in data units) and what it says.</summary>
internal sealed record Tick(double Value, string Label);

/// <summary>
/// Maps data values to [0, 1] along an axis through a transform (identity, log10, log2, "nines"),
/// and carries the ticks to draw. Values outside the domain are clamped so a stray point cannot
/// draw outside the plot.
/// </summary>
internal sealed class Axis
{
    private readonly Func<double, double> _transform;
    private readonly double _low;
    private readonly double _span;

    private Axis(double min, double max, Func<double, double> transform, IReadOnlyList<Tick> ticks, string title)
    {
        _transform = transform;
        _low = transform(min);
        var high = transform(max);
        _span = high > _low ? high - _low : 1;
        Ticks = ticks;
        Title = title;
    }

    public IReadOnlyList<Tick> Ticks { get; }

    public string Title { get; }

    public double Position(double value) => Math.Clamp((_transform(value) - _low) / _span, 0, 1);

    /// <summary>Linear from zero (or the data minimum when negative) to a "nice" maximum above the data.</summary>
    public static Axis Linear(IEnumerable<double> values, Func<double, string> label, string title)
    {
        var max = values.DefaultIfEmpty(1).Max();
        var step = NiceStep(max <= 0 ? 1 : max / 5);
        var top = Math.Max(step, Math.Ceiling(max / step) * step);
        var ticks = new List<Tick>();
        for (var i = 0; i * step <= top + (step / 1e6); i++)
        {
            ticks.Add(new Tick(i * step, label(i * step)));
        }

        return new Axis(0, top, v => v, ticks, title);
    }

    /// <summary>Log10 across whole decades around the data, with 1-2-5 ticks when the range is narrow.</summary>
    public static Axis Log10(IEnumerable<double> values, Func<double, string> label, string title)
    {
        var positive = values.Where(v => v > 0).DefaultIfEmpty(1).ToList();
        var low = Math.Floor(Math.Log10(positive.Min()));
        var high = Math.Max(low + 1, Math.Ceiling(Math.Log10(positive.Max())));
        var ticks = new List<Tick>();
        double[] mantissas = high - low <= 2 ? [1, 2, 5] : [1];
        for (var decade = low; decade <= high; decade++)
        {
            foreach (var mantissa in mantissas)
            {
                var value = mantissa * Math.Pow(10, decade);
                if (value <= Math.Pow(10, high) * 1.0001)
                {
                    ticks.Add(new Tick(value, label(value)));
                }
            }
        }

        return new Axis(Math.Pow(10, low), Math.Pow(10, high), Math.Log10, ticks, title);
    }

    /// <summary>Concurrency steps on a log2 scale, one tick per step.</summary>
    public static Axis Steps(IReadOnlyList<int> steps, string title)
    {
        var min = steps.Count > 0 ? steps[0] : 1;
        var max = steps.Count > 0 ? steps[^1] : 2;
        if (max <= min)
        {
            max = min * 2;
        }

        // Half a step of margin either side keeps the first and last points off the plot's edges.
        var margin = Math.Max(0.25, (Math.Log2(max) - Math.Log2(min)) / 12);
        return new Axis(
            Math.Pow(2, Math.Log2(min) - margin),
            Math.Pow(2, Math.Log2(max) + margin),
            Math.Log2,
            [.. steps.Select(s => new Tick(s, s.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
            title);
    }

    /// <summary>
    /// HdrHistogram's percentile axis: x = log10(1 / (1 − p)), so 90%, 99%, 99.9% are evenly spaced;
    /// the maximum is drawn one "nine" beyond the last percentile.
    /// </summary>
    public static Axis Nines(string title) => new(
        0,
        NinesScale.MaxPosition,
        v => v,
        [new(0, "0%"), new(1, "90%"), new(2, "99%"), new(3, "99.9%"), new(4, "99.99%"), new(NinesScale.MaxPosition, "max")],
        title);

    /// <summary>A linear axis with labels placed where the caller says (e.g. the centre of each step's passes).</summary>
    public static Axis Custom(double min, double max, IReadOnlyList<Tick> ticks, string title) =>
        new(min, max, v => v, ticks, title);

    /// <summary>1, 2, 2.5 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    private static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var normalized = rough / magnitude;
        return normalized switch
        {
            <= 1 => 1,
            <= 2 => 2,
            <= 2.5 => 2.5,
            <= 5 => 5,
            _ => 10,
        } * magnitude;
    }
}

/// <summary>Where the percentiles of a latency spectrum sit on the "nines" axis.</summary>
internal static class NinesScale
{
    public const double MaxPosition = 5;

    public static double Position(double percentile) => Math.Log10(100 / (100 - percentile));
}
