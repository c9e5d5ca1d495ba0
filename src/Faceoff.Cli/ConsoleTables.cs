using Spectre.Console;

namespace Faceoff.Cli;

/// <summary>The two forms of every table the verbs print: a Spectre table on a terminal, aligned text for pipes, logs and CI.</summary>
internal static class ConsoleTables
{
    /// <summary>A rounded table with a bold title and these column headers (<paramref name="column"/> shapes a column, e.g. no wrap).</summary>
    public static Table Rich(string title, IEnumerable<string> columns, Func<string, TableColumn>? column = null)
    {
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle(Markup.Escape(title), new Style(decoration: Decoration.Bold)) };
        foreach (var name in columns)
        {
            table.AddColumn(column?.Invoke(name) ?? new TableColumn(new Text(name)));
        }
        return table;
    }

    /// <summary>
    /// <paramref name="lines"/> (the header first, when there is one) in columns two spaces apart, each line after
    /// <paramref name="indent"/>: box drawing only gets in the way where the output is read as text.
    /// </summary>
    public static void WritePlain(TextWriter output, IReadOnlyList<string[]> lines, string indent = "  ")
    {
        var widths = lines.Count == 0 ? [] : lines[0].Select((_, i) => lines.Max(line => line[i].Length)).ToArray();
        foreach (var line in lines)
        {
            output.WriteLine((indent + string.Join("  ", line.Select((cell, i) => i == line.Length - 1 ? cell : cell.PadRight(widths[i])))).TrimEnd());
        }
    }
}
