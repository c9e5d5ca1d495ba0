using Faceoff.Reporting.Html;
using Faceoff.Reporting.Text;

namespace Faceoff.Reporting.Tests;

public sealed class FormattingTests
{
    [Theory]
    [InlineData(-0.04, 1, "0.0")]
    [InlineData(-0.06, 1, "-0.1")]
    [InlineData(1234.5678, 2, "1234.57")]
    [InlineData(0, 0, "0")]
    public void Fixed_is_invariant_and_never_prints_negative_zero(double value, int decimals, string expected) =>
        Assert.Equal(expected, Fmt.Fixed(value, decimals));

    [Theory]
    [InlineData(85.34, "85.3 µs")]
    [InlineData(850.4, "850 µs")]
    [InlineData(1250, "1.25 ms")]
    [InlineData(2_100_000, "2.10 s")]
    public void Latency_uses_the_unit_a_person_reads_best(double us, string expected) =>
        Assert.Equal(expected, Fmt.Latency(us));

    [Fact]
    public void Signed_percentages_and_missing_values()
    {
        Assert.Equal("+12.3%", Fmt.SignedPct(12.34));
        Assert.Equal("-4.0%", Fmt.SignedPct(-4));
        Assert.Equal("n/a", Fmt.SignedPct(null));
        Assert.Equal("", Fmt.Fixed(null, 2));
    }

    [Fact]
    public void Csv_quotes_fields_that_need_it()
    {
        var csv = new Csv("a", "b");
        csv.Row("x,y", "say \"hi\"\nthere");
        Assert.Equal("a,b\n\"x,y\",\"say \"\"hi\"\"\nthere\"\n", csv.ToString());
    }

    [Fact]
    public void Markdown_renders_headings_lists_tables_code_and_bold()
    {
        const string markdown = "# Title\n\nSome **bold** and `a|b <c>`.\n\n- one\n  continued\n- two\n\n1. first\n\n| A | B |\n| --- | ---: |\n| x \\| y | 3 |\n\n```text\n<raw>\n```\n";
        var html = MarkdownHtml.Render(markdown);
        // Headings sit one level under the page's section; code and raw text are escaped; pipe tables become tables.
        Assert.Contains("<h2>Title</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
        Assert.Contains("<p>Some <strong>bold</strong> and <code>a|b &lt;c&gt;</code>.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<li>one\ncontinued</li>", html, StringComparison.Ordinal);
        Assert.Contains("<ol>\n<li>first</li>\n</ol>", html, StringComparison.Ordinal);
        Assert.Contains("<th>A</th>", html, StringComparison.Ordinal);
        Assert.Matches("<td>x \\| y</td>|<td>x | y</td>", html);
        Assert.Contains("<td style=\"text-align: right;\">3</td>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;raw&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<raw>", html, StringComparison.Ordinal);
        Assert.Equal(html, MarkdownHtml.Render(markdown));
    }

    [Fact]
    public void Log_axis_spans_whole_decades_and_clamps_outliers()
    {
        var axis = Axis.Log10([120, 4_800], ChartLabels.Latency, "latency");
        Assert.Equal(0, axis.Position(100), 6);
        Assert.Equal(1, axis.Position(10_000), 6);
        Assert.Equal(0.5, axis.Position(1_000), 6);
        Assert.Equal(1, axis.Position(1e9), 6);
        Assert.Contains(axis.Ticks, t => t.Label == "1 ms");
    }

    [Fact]
    public void Linear_axis_starts_at_zero_and_ends_on_a_round_number_above_the_data()
    {
        var axis = Axis.Linear([0, 23_456], ChartLabels.Count, "req/s");
        Assert.Equal("0", axis.Ticks[0].Label);
        Assert.Equal("25k", axis.Ticks[^1].Label);
        Assert.True(axis.Position(23_456) < 1);
    }

    [Fact]
    public void Nines_axis_spaces_90_99_and_999_evenly()
    {
        var axis = Axis.Nines("percentile");
        var p90 = axis.Position(NinesScale.Position(90));
        var p99 = axis.Position(NinesScale.Position(99));
        var p999 = axis.Position(NinesScale.Position(99.9));
        Assert.Equal(p99 - p90, p999 - p99, 6);
    }
}
