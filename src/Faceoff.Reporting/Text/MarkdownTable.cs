using System.Text;

namespace Faceoff.Reporting.Text;

/// <summary>A GitHub-flavoured Markdown table; cells are escaped so a '|' or line break in data cannot break the layout.</summary>
/// <remarks>Columns whose header starts with '&gt;' are right-aligned (numbers); the marker is not printed.</remarks>
internal sealed class MarkdownTable(params string[] header)
{
    private readonly List<string[]> _rows = [];

    public void Row(params string[] cells) => _rows.Add(cells);

    public void AppendTo(StringBuilder text)
    {
        text.Append('|');
        foreach (var column in header)
        {
            text.Append(' ').Append(Escape(column.TrimStart('>'))).Append(" |");
        }

        text.Append("\n|");
        foreach (var column in header)
        {
            text.Append(column.StartsWith('>') ? " ---: |" : " --- |");
        }

        text.Append('\n');
        foreach (var row in _rows)
        {
            text.Append('|');
            foreach (var cell in row)
            {
                text.Append(' ').Append(Escape(cell)).Append(" |");
            }

            text.Append('\n');
        }
    }

    private static string Escape(string cell) =>
        cell.Replace("|", "\\|").Replace("\r", "").Replace("\n", " ");
}
