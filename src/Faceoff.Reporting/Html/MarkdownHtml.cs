using System.Text;
using System.Text.RegularExpressions;

namespace Faceoff.Reporting.Html;

/// <summary>
/// Renders the Markdown Faceoff itself writes (headings, paragraphs, lists with wrapped items, pipe tables,
/// fenced code, <c>`code`</c> and <c>**bold**</c>) as HTML, so the page shows the methodology from the very
/// text of the .md file. Headings move down one level to sit under the page's own section heading.
/// </summary>
internal static partial class MarkdownHtml
{
    public static string Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var html = new StringBuilder();
        var lines = markdown.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var paragraph = new List<string>();
        string? listTag = null;
        var item = new StringBuilder();

        void FlushParagraph()
        {
            if (paragraph.Count > 0)
            {
                html.Append("<p>").Append(Inline(string.Join(' ', paragraph))).Append("</p>\n");
                paragraph.Clear();
            }
        }

        void FlushItem()
        {
            if (item.Length > 0)
            {
                html.Append("<li>").Append(Inline(item.ToString())).Append("</li>\n");
                item.Clear();
            }
        }

        void CloseList()
        {
            FlushItem();
            if (listTag is not null)
            {
                html.Append("</").Append(listTag).Append(">\n");
                listTag = null;
            }
        }

        void OpenList(string tag)
        {
            FlushParagraph();
            FlushItem();
            if (listTag != tag)
            {
                CloseList();
                html.Append('<').Append(tag).Append(">\n");
                listTag = tag;
            }
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (listTag is not null && line.StartsWith("  ", StringComparison.Ordinal) && line.Trim().Length > 0)
            {
                item.Append(' ').Append(line.Trim());
                continue;
            }

            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                FlushParagraph();
                CloseList();
                html.Append("<pre><code>");
                while (++i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal))
                {
                    html.Append(H.E(lines[i])).Append('\n');
                }

                html.Append("</code></pre>\n");
            }
            else if (Heading().Match(line) is { Success: true } heading)
            {
                FlushParagraph();
                CloseList();
                var level = heading.Groups[1].Length + 1;
                html.Append("<h").Append(level).Append('>').Append(Inline(heading.Groups[2].Value)).Append("</h").Append(level).Append(">\n");
            }
            else if (line.StartsWith('|'))
            {
                FlushParagraph();
                CloseList();
                var start = i;
                while (i + 1 < lines.Length && lines[i + 1].StartsWith('|'))
                {
                    i++;
                }

                AppendTable(lines[start..(i + 1)], html);
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                OpenList("ul");
                item.Append(line[2..]);
            }
            else if (Numbered().Match(line) is { Success: true } numbered)
            {
                OpenList("ol");
                item.Append(numbered.Groups[1].Value);
            }
            else if (line.Trim().Length == 0)
            {
                FlushParagraph();
                CloseList();
            }
            else
            {
                CloseList();
                paragraph.Add(line.Trim());
            }
        }

        FlushParagraph();
        CloseList();
        return html.ToString();
    }

    private static void AppendTable(string[] rows, StringBuilder html)
    {
        var header = Cells(rows[0]);
        var hasAlignment = rows.Length > 1 && Cells(rows[1]).All(c => c.Trim(':', '-', ' ').Length == 0);
        var right = hasAlignment ? Cells(rows[1]).Select(c => c.EndsWith(':')).ToArray() : new bool[header.Count];
        html.Append("<table>\n<tr>");
        for (var c = 0; c < header.Count; c++)
        {
            html.Append(Cell("th", header[c], c < right.Length && right[c]));
        }

        html.Append("</tr>\n");
        foreach (var row in rows.Skip(hasAlignment ? 2 : 1))
        {
            html.Append("<tr>");
            var cells = Cells(row);
            for (var c = 0; c < cells.Count; c++)
            {
                html.Append(Cell("td", cells[c], c < right.Length && right[c]));
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static string Cell(string tag, string text, bool numeric) =>
        $"<{tag}{(numeric ? " class=\"num\"" : "")}>{Inline(text)}</{tag}>";

    /// <summary>The cells of a pipe-table row; "\|" inside a cell is a literal bar.</summary>
    private static List<string> Cells(string row)
    {
        var inner = row.Trim();
        inner = inner[1..(inner.EndsWith('|') && !inner.EndsWith("\\|", StringComparison.Ordinal) ? ^1 : ^0)];
        return [.. UnescapedBar().Split(inner).Select(c => c.Replace("\\|", "|", StringComparison.Ordinal).Trim())];
    }

    /// <summary>Code spans first (their content is literal), then bold in the text between them.</summary>
    private static string Inline(string text)
    {
        var parts = text.Split('`');
        var html = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            var literal = i % 2 == 1 && i < parts.Length - 1;
            html.Append(literal ? "<code>" + H.E(parts[i]) + "</code>" : Bold().Replace(H.E((i % 2 == 1 ? "`" : "") + parts[i]), "<strong>$1</strong>"));
        }

        return html.ToString();
    }

    [GeneratedRegex(@"^(#{1,5}) (.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\d+\. (.*)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedBar();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();
}
