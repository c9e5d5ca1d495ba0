using System.Text;

namespace Faceoff.Parity.Checks;

/// <summary>
/// A small line-based unified diff (LCS over lines, three lines of context), enough to show a reader
/// how two response bodies differ. Inputs too large for the quadratic table are shown as one replaced block.
/// </summary>
public static class UnifiedDiff
{
    private const long MaxCells = 4_000_000;
    private const int Context = 3;

    /// <summary>The diff, or null when the texts are identical.</summary>
    public static string? Create(string oldText, string newText, string oldLabel, string newLabel)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        if (oldText == newText)
        {
            return null;
        }

        var a = Split(oldText);
        var b = Split(newText);
        var script = Script(a, b);
        var output = new StringBuilder().Append("--- ").Append(oldLabel).Append('\n').Append("+++ ").Append(newLabel).Append('\n');
        var changes = Enumerable.Range(0, script.Count).Where(i => script[i].Op != ' ').ToList();
        var index = 0;
        while (index < changes.Count)
        {
            // A hunk spans changes whose gaps are small enough for their context to touch.
            var first = changes[index];
            var last = first;
            while (index + 1 < changes.Count && changes[index + 1] - last <= 2 * Context)
            {
                last = changes[++index];
            }

            index++;
            AppendHunk(output, script, Math.Max(0, first - Context), Math.Min(script.Count - 1, last + Context));
        }

        return output.ToString();
    }

    private static void AppendHunk(StringBuilder output, List<Edit> script, int from, int to)
    {
        var hunk = script.GetRange(from, to - from + 1);
        var oldStart = script.Take(from).Count(e => e.Op != '+');
        var newStart = script.Take(from).Count(e => e.Op != '-');
        var oldCount = hunk.Count(e => e.Op != '+');
        var newCount = hunk.Count(e => e.Op != '-');
        output.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
        foreach (var edit in hunk)
        {
            output.Append(edit.Op).Append(edit.Line.Text).Append('\n');
            if (!edit.Line.Terminated)
            {
                output.Append("\\ No newline at end of file\n");
            }
        }
    }

    private static string Range(int start, int count) => count == 0 ? $"{start},0" : $"{start + 1},{count}";

    private static List<Edit> Script(List<Line> a, List<Line> b)
    {
        if ((long)(a.Count + 1) * (b.Count + 1) > MaxCells)
        {
            return [.. a.Select(l => new Edit('-', l)), .. b.Select(l => new Edit('+', l))];
        }

        // lcs[i, j] = length of the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var script = new List<Edit>();
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y])
            {
                script.Add(new Edit(' ', a[x++]));
                y++;
            }
            else if (y < b.Count && (x == a.Count || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                script.Add(new Edit('+', b[y++]));
            }
            else
            {
                script.Add(new Edit('-', a[x++]));
            }
        }

        // Conventional order inside a change block: removals before additions.
        return Reorder(script);
    }

    private static List<Edit> Reorder(List<Edit> script)
    {
        var result = new List<Edit>(script.Count);
        var i = 0;
        while (i < script.Count)
        {
            if (script[i].Op == ' ')
            {
                result.Add(script[i++]);
                continue;
            }

            var block = new List<Edit>();
            while (i < script.Count && script[i].Op != ' ')
            {
                block.Add(script[i++]);
            }

            result.AddRange(block.Where(e => e.Op == '-'));
            result.AddRange(block.Where(e => e.Op == '+'));
        }

        return result;
    }

    private static List<Line> Split(string text)
    {
        var lines = new List<Line>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                lines.Add(new Line(text[start..], false));
                break;
            }

            lines.Add(new Line(text[start..newline], true));
            start = newline + 1;
        }

        return lines;
    }

    private readonly record struct Line(string Text, bool Terminated);

    private readonly record struct Edit(char Op, Line Line);
}
