using System.Net;
using System.Text;
using Faceoff.Reporting.Text;

namespace Faceoff.Reporting.Html;

/// <summary>A data point; <see cref="Low"/>/<see cref="High"/> draw an interval bar when set.</summary>
internal sealed record ChartPoint(double X, double Y, double? Low = null, double? High = null);

/// <summary>
/// One line of a chart. Each segment is drawn as its own polyline, so a gap (a failed cell, the
/// pause between two passes) shows as a gap instead of a line across it.
/// </summary>
/// <param name="Id">The <c>data-series</c> value (the profile).</param>
/// <param name="CssClass">Colour and dash classes, e.g. "role-candidate dashed".</param>
/// <param name="Metric">Optional <c>data-metric</c>, for charts with two lines per profile.</param>
/// <param name="MarkerRadius">Radius of the dot drawn at each point; 0 draws none.</param>
internal sealed record ChartSeries(
    string Id,
    string CssClass,
    IReadOnlyList<IReadOnlyList<ChartPoint>> Segments,
    string? Metric = null,
    double MarkerRadius = 3);

/// <summary>A vertical marker line with a label (e.g. where a concurrency step starts on a timeline).</summary>
internal sealed record ChartMarker(double X, string Label);

/// <summary>
/// Renders a line chart as inline SVG with fixed geometry and one-decimal coordinates, so the same
/// data always gives the same markup. Styling comes from the page's CSS classes.
/// </summary>
internal sealed class SvgChart(string chartId, string description, Axis x, Axis y)
{
    private const double Width = 420;
    private const double Height = 250;
    private const double Left = 62;
    private const double Right = 12;
    private const double Top = 12;
    private const double Bottom = 42;

    private readonly List<ChartSeries> _series = [];
    private readonly List<ChartMarker> _markers = [];

    public void Add(ChartSeries series) => _series.Add(series);

    public void Add(ChartMarker marker) => _markers.Add(marker);

    public bool HasData => _series.Any(s => s.Segments.Any(segment => segment.Count > 0));

    public string Render()
    {
        var svg = new StringBuilder();
        svg.Append("<svg data-chart=\"").Append(Attr(chartId)).Append("\" viewBox=\"0 0 ")
            .Append(N(Width)).Append(' ').Append(N(Height)).Append("\" role=\"img\" aria-label=\"").Append(Attr(description)).Append("\">");
        AppendAxes(svg);
        foreach (var marker in _markers)
        {
            var px = Px(marker.X);
            svg.Append("<line class=\"marker\" x1=\"").Append(N(px)).Append("\" y1=\"").Append(N(Top))
                .Append("\" x2=\"").Append(N(px)).Append("\" y2=\"").Append(N(Height - Bottom)).Append("\"/>")
                .Append("<text class=\"marker-label\" x=\"").Append(N(px + 3)).Append("\" y=\"").Append(N(Top + 10)).Append("\">")
                .Append(WebUtility.HtmlEncode(marker.Label)).Append("</text>");
        }

        foreach (var series in _series)
        {
            AppendSeries(svg, series);
        }

        if (!HasData)
        {
            svg.Append("<text class=\"no-data\" x=\"").Append(N(Left + ((Width - Left - Right) / 2))).Append("\" y=\"")
                .Append(N(Top + ((Height - Top - Bottom) / 2))).Append("\">no data</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private void AppendAxes(StringBuilder svg)
    {
        svg.Append("<g class=\"axes\">");
        foreach (var tick in y.Ticks)
        {
            var py = Py(tick.Value);
            svg.Append("<line class=\"grid\" x1=\"").Append(N(Left)).Append("\" y1=\"").Append(N(py))
                .Append("\" x2=\"").Append(N(Width - Right)).Append("\" y2=\"").Append(N(py)).Append("\"/>")
                .Append("<text class=\"tick y\" x=\"").Append(N(Left - 6)).Append("\" y=\"").Append(N(py + 3.5)).Append("\">")
                .Append(WebUtility.HtmlEncode(tick.Label)).Append("</text>");
        }

        foreach (var tick in x.Ticks)
        {
            var px = Px(tick.Value);
            svg.Append("<line class=\"tickmark\" x1=\"").Append(N(px)).Append("\" y1=\"").Append(N(Height - Bottom))
                .Append("\" x2=\"").Append(N(px)).Append("\" y2=\"").Append(N(Height - Bottom + 4)).Append("\"/>")
                .Append("<text class=\"tick x\" x=\"").Append(N(px)).Append("\" y=\"").Append(N(Height - Bottom + 16)).Append("\">")
                .Append(WebUtility.HtmlEncode(tick.Label)).Append("</text>");
        }

        svg.Append("<path class=\"frame\" d=\"M").Append(N(Left)).Append(' ').Append(N(Top)).Append('V')
            .Append(N(Height - Bottom)).Append('H').Append(N(Width - Right)).Append("\"/>");
        svg.Append("<text class=\"axis-title x\" x=\"").Append(N(Left + ((Width - Left - Right) / 2))).Append("\" y=\"")
            .Append(N(Height - 6)).Append("\">").Append(WebUtility.HtmlEncode(x.Title)).Append("</text>");
        svg.Append("<text class=\"axis-title y\" transform=\"translate(13 ").Append(N(Top + ((Height - Top - Bottom) / 2)))
            .Append(") rotate(-90)\">").Append(WebUtility.HtmlEncode(y.Title)).Append("</text>");
        svg.Append("</g>");
    }

    private void AppendSeries(StringBuilder svg, ChartSeries series)
    {
        svg.Append("<g class=\"series ").Append(Attr(series.CssClass)).Append("\" data-series=\"").Append(Attr(series.Id)).Append('"');
        if (series.Metric is { } metric)
        {
            svg.Append(" data-metric=\"").Append(Attr(metric)).Append('"');
        }

        svg.Append('>');
        var line = new StringBuilder();
        var bars = new StringBuilder();
        foreach (var segment in series.Segments.Where(s => s.Count > 0))
        {
            for (var i = 0; i < segment.Count; i++)
            {
                var p = segment[i];
                line.Append(i == 0 ? "M" : "L").Append(N(Px(p.X))).Append(' ').Append(N(Py(p.Y)));
                if (p is { Low: { } low, High: { } high })
                {
                    var px = Px(p.X);
                    bars.Append('M').Append(N(px)).Append(' ').Append(N(Py(low))).Append('V').Append(N(Py(high)))
                        .Append('M').Append(N(px - 4)).Append(' ').Append(N(Py(low))).Append("h8")
                        .Append('M').Append(N(px - 4)).Append(' ').Append(N(Py(high))).Append("h8");
                }
            }

            // A lone point has no line to show; a zero-length segment with round caps draws it as a dot.
            if (segment.Count == 1)
            {
                line.Append("h0.1");
            }
        }

        svg.Append("<path class=\"line\" d=\"").Append(line).Append("\"/>");
        if (bars.Length > 0)
        {
            svg.Append("<path class=\"bars\" d=\"").Append(bars).Append("\"/>");
        }

        if (series.MarkerRadius > 0)
        {
            foreach (var p in series.Segments.SelectMany(s => s))
            {
                svg.Append("<circle cx=\"").Append(N(Px(p.X))).Append("\" cy=\"").Append(N(Py(p.Y))).Append("\" r=\"").Append(N(series.MarkerRadius)).Append("\"/>");
            }
        }

        svg.Append("</g>");
    }

    private double Px(double value) => Left + (x.Position(value) * (Width - Left - Right));

    private double Py(double value) => Height - Bottom - (y.Position(value) * (Height - Top - Bottom));

    private static string N(double value) => Fmt.Fixed(value, 1);

    private static string Attr(string value) => WebUtility.HtmlEncode(value);
}
