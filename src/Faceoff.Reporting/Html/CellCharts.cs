using Faceoff.Reporting.Model;

using Faceoff.Statistics;

namespace Faceoff.Reporting.Html;

/// <summary>A chart with its heading and a note on how to read it.</summary>
internal sealed record Figure(string Title, string Note, SvgChart Chart);

/// <summary>
/// The six charts of one pair × scenario: throughput, p95/p99 and CPU/RSS against concurrency, the
/// latency spectrum at the highest step both profiles completed, and the per-second timeline of every pass.
/// Only cells that completed are plotted against concurrency; a failed step shows as a gap.
/// </summary>
internal static class CellCharts
{
    private const string TimelineNote =
        "every measured pass, repeats side by side: its whole seconds (partial first and last omitted), "
        + "or one point at its mean rate when the pass is too short to have any";

    private static readonly Side[] Roles = [Side.Candidate, Side.Reference];

    private static readonly (double Percentile, Func<LatencyStats, double> Value)[] SpectrumPoints =
    [
        (50, l => l.P50Us), (75, l => l.P75Us), (90, l => l.P90Us), (95, l => l.P95Us),
        (99, l => l.P99Us), (99.9, l => l.P999Us), (99.99, l => l.P9999Us),
    ];

    public static IReadOnlyList<Figure> For(ReportIndex index, PairView view, string scenario)
    {
        var key = $"{view.Pair.Name}-{scenario}";
        var cells = Roles.ToDictionary(role => role, role => view.Steps
            .Select(step => (Step: step, Cell: index.Cell(view.Pair.Name, role, scenario, step)))
            .ToList());
        var repeats = index.Report.Protocol.Measured.Repeats;
        return
        [
            PerStep(view, key, "throughput", "Throughput", $"median req/s; bars: interquartile range of {repeats} repeats",
                cells, ChartLabels.Count, "req/s",
                c => c.Statistics.Throughput is { } t ? new ChartPoint(0, t.Median, t.Q1, t.Q3) : null),
            Latency(view, key, cells),
            Spectrum(view, key, cells),
            Timeline(view, key, cells),
            PerStep(view, key, "cpu", "Server CPU", "median CPU use during a pass (cores)",
                cells, ChartLabels.Plain, "cores",
                c => c.Repeats.Count > 0 ? new ChartPoint(0, Median(c.Repeats.Select(r => (r.Measurement.Server?.CpuSeconds ?? 0) / Math.Max(r.Measurement.ElapsedSeconds, 1e-9)))) : null),
            PerStep(view, key, "rss", "Server memory", "peak resident set size of any pass (MiB)",
                cells, ChartLabels.Plain, "MiB",
                c => c.Repeats.Count > 0 ? new ChartPoint(0, c.Repeats.Max(r => r.Measurement.Server?.RssPeakKib ?? 0) / 1024.0) : null),
            .. DatabaseCharts(view, key, cells),
        ];
    }

    /// <summary>The database's cost beside the servers', for runs that measured one (PostgreSQL's whole process tree).</summary>
    private static IEnumerable<Figure> DatabaseCharts(PairView view, string key, Dictionary<Side, List<(int Step, SideReport? Cell)>> cells)
    {
        if (!cells.Values.SelectMany(c => c).Any(c => c.Cell?.Repeats.Any(r => r.Measurement.Database is not null) == true))
        {
            yield break;
        }
        yield return PerStep(view, key, "db-cpu", "PostgreSQL CPU", "median CPU use of the database's process tree while this side was loaded (cores)",
            cells, ChartLabels.Plain, "cores",
            c => c.Repeats.Count > 0 ? new ChartPoint(0, Median(c.Repeats.Select(r => (r.Measurement.Database?.CpuSeconds ?? 0) / Math.Max(r.Measurement.ElapsedSeconds, 1e-9)))) : null);
        yield return PerStep(view, key, "db-rss", "PostgreSQL memory", "peak resident set size of the database's process tree in any pass (MiB)",
            cells, ChartLabels.Plain, "MiB",
            c => c.Repeats.Count > 0 ? new ChartPoint(0, c.Repeats.Max(r => r.Measurement.Database?.RssPeakKib ?? 0) / 1024.0) : null);
    }

    private static Figure PerStep(
        PairView view, string key, string kind, string title, string note,
        Dictionary<Side, List<(int Step, SideReport? Cell)>> cells,
        Func<double, string> label, string unit,
        Func<SideReport, ChartPoint?> value)
    {
        var series = Roles.Select(role => (Role: role, Segments: Segments(cells[role], value))).ToList();
        var all = series.SelectMany(s => s.Segments.SelectMany(seg => seg)).SelectMany(p => new[] { p.Y, p.High ?? p.Y });
        var chart = new SvgChart($"{kind}-{key}", $"{title} vs concurrency, {key}", Axis.Steps(view.Steps, "connections"), Axis.Linear(all, label, unit));
        foreach (var (role, segments) in series)
        {
            chart.Add(new ChartSeries(view.ProfileOf(role), Css(role), segments));
        }

        return new Figure(title, note, chart);
    }

    private static Figure Latency(PairView view, string key, Dictionary<Side, List<(int Step, SideReport? Cell)>> cells)
    {
        (string Metric, string Dash, Func<LatencySummary, double> Value)[] metrics =
            [("p95", "", l => l.P95.Median), ("p99", " dashed", l => l.P99.Median)];
        var series = new List<ChartSeries>();
        foreach (var role in Roles)
        {
            foreach (var (metric, dash, value) in metrics)
            {
                series.Add(new ChartSeries(view.ProfileOf(role), Css(role) + dash,
                    Segments(cells[role], c => c.Statistics.Latency is { } l ? new ChartPoint(0, value(l)) : null), metric));
            }
        }

        var y = Axis.Log10(series.SelectMany(s => s.Segments.SelectMany(seg => seg)).Select(p => p.Y), ChartLabels.Latency, "latency");
        var chart = new SvgChart($"latency-{key}", $"p95 and p99 latency vs concurrency, {key}", Axis.Steps(view.Steps, "connections"), y);
        series.ForEach(chart.Add);
        return new Figure("Tail latency", "median p95 (solid) and p99 (dashed), log scale", chart);
    }

    private static Figure Spectrum(PairView view, string key, Dictionary<Side, List<(int Step, SideReport? Cell)>> cells)
    {
        // Compare like with like: the highest step at which both profiles completed.
        var step = view.Steps.Where(s => Roles.All(role => Completed(cells[role].First(c => c.Step == s).Cell))).DefaultIfEmpty(0).Max();
        var series = new List<ChartSeries>();
        foreach (var role in Roles)
        {
            var cell = cells[role].FirstOrDefault(c => c.Step == step).Cell;
            List<ChartPoint> points = Completed(cell)
                ?
                [
                    .. SpectrumPoints.Select(sp => new ChartPoint(NinesScale.Position(sp.Percentile), Median(cell!.Repeats.Select(r => sp.Value(r.Measurement.LatencyUs))))),
                    new ChartPoint(NinesScale.MaxPosition, Median(cell!.Repeats.Select(r => r.Measurement.LatencyUs.MaxUs))),
                ]
                : [];
            series.Add(new ChartSeries(view.ProfileOf(role), Css(role), [points]));
        }

        var y = Axis.Log10(series.SelectMany(s => s.Segments[0]).Select(p => p.Y), ChartLabels.Latency, "latency");
        var chart = new SvgChart($"spectrum-{key}", $"Latency by percentile at {step} connections, {key}", Axis.Nines("percentile"), y);
        series.ForEach(chart.Add);
        var note = step > 0 ? $"at {step} connections (highest step both completed); median of repeats, log scales" : "no step completed on both sides";
        return new Figure("Latency spectrum", note, chart);
    }

    private static Figure Timeline(PairView view, string key, Dictionary<Side, List<(int Step, SideReport? Cell)>> cells)
    {
        // Each step gets one unit of x; its repeats share it side by side, so both profiles line up by step and repeat.
        var series = new List<ChartSeries>();
        foreach (var role in Roles)
        {
            var segments = new List<IReadOnlyList<ChartPoint>>();
            for (var s = 0; s < view.Steps.Count; s++)
            {
                var repeats = cells[role][s].Cell?.Repeats ?? [];
                for (var r = 0; r < repeats.Count; r++)
                {
                    var values = TimelineValues(repeats[r]);
                    var start = s + ((r + 0.08) / repeats.Count);
                    var width = 0.84 / repeats.Count;
                    segments.Add([.. values.Select((value, i) => new ChartPoint(start + (width * (i + 0.5) / values.Count), value))]);
                }
            }

            series.Add(new ChartSeries(view.ProfileOf(role), Css(role), segments, MarkerRadius: 1.8));
        }

        var y = Axis.Linear(series.SelectMany(s => s.Segments.SelectMany(seg => seg)).Select(p => p.Y), ChartLabels.Count, "req/s");
        var ticks = view.Steps.Select((step, i) => new Tick(i + 0.5, $"c={step}")).ToList();
        var chart = new SvgChart($"timeline-{key}", $"Per-second throughput of every measured pass, {key}", Axis.Custom(0, Math.Max(1, view.Steps.Count), ticks, "measured passes by step"), y);
        for (var s = 1; s < view.Steps.Count; s++)
        {
            chart.Add(new ChartMarker(s, ""));
        }

        series.ForEach(chart.Add);
        return new Figure("Per-second throughput", TimelineNote, chart);
    }

    private static List<IReadOnlyList<ChartPoint>> Segments(List<(int Step, SideReport? Cell)> cells, Func<SideReport, ChartPoint?> value)
    {
        var segments = new List<IReadOnlyList<ChartPoint>>();
        var current = new List<ChartPoint>();
        foreach (var (step, cell) in cells)
        {
            if (Completed(cell) && value(cell!) is { } point)
            {
                current.Add(point with { X = step });
                continue;
            }

            if (current.Count > 0)
            {
                segments.Add(current);
                current = [];
            }
        }

        if (current.Count > 0)
        {
            segments.Add(current);
        }

        return segments;
    }

    private static bool Completed(SideReport? cell) => cell is { Status: CellStatus.Completed, Repeats.Count: > 0 };

    /// <summary>
    /// The pass's whole seconds. Its partial first and last seconds would read as dips, so a pass of two seconds
    /// or less has none and is drawn as one point at its mean rate rather than as a spike down to its last few
    /// milliseconds.
    /// </summary>
    private static List<double> TimelineValues(PassRecord repeat)
    {
        var perSecond = repeat.Measurement.PerSecondCompleted;
        return perSecond.Count > 2
            ? [.. perSecond.Skip(1).Take(perSecond.Count - 2).Select(v => (double)v)]
            : [repeat.Measurement.ThroughputRps];
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    internal static string Css(Side role) => "role-" + EnumText.Of(role);
}
