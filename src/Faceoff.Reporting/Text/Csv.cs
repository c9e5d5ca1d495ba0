using System.Text;

namespace Faceoff.Reporting.Text;

/// <summary>Builds RFC 4180 CSV with '\n' line ends: fields holding a comma, quote or line break are quoted.</summary>
internal sealed class Csv
{
    private readonly StringBuilder _text = new();

    public Csv(params string[] header) => Row(header);

    public void Row(params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _text.Append(',');
            }

            _text.Append(Escape(fields[i]));
        }

        _text.Append('\n');
    }

    public override string ToString() => _text.ToString();

    private static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
