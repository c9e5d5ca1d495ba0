using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace Faceoff.Targets;

/// <summary>
/// Hides secrets before a command line or environment is written to a log or a report: any value whose name
/// contains SECRET, TOKEN, PASSWORD or KEY (any case) becomes <see cref="Mask"/>.
/// </summary>
public static partial class Redaction
{
    public const string Mask = "***";

    private static readonly string[] SensitiveWords = ["SECRET", "TOKEN", "PASSWORD", "KEY"];

    public static bool IsSensitiveName(string name) =>
        SensitiveWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));

    public static string Value(string name, string value) => IsSensitiveName(name) ? Mask : UrlPasswords(value);

    /// <summary>Masks the password of any <c>scheme://user:password@</c> in <paramref name="text"/> (a database URL, say).</summary>
    public static string UrlPasswords(string text) => UrlPassword().Replace(text, "${head}" + Mask + "@");

    /// <summary>A copy of <paramref name="environment"/> with sensitive values masked, sorted by name.</summary>
    public static ImmutableSortedDictionary<string, string> Environment(IEnumerable<KeyValuePair<string, string>> environment) =>
        environment.ToImmutableSortedDictionary(kv => kv.Key, kv => Value(kv.Key, kv.Value), StringComparer.Ordinal);

    /// <summary>
    /// Masks arguments too: <c>NAME=value</c> and <c>--name=value</c> by the name, and the argument after a
    /// sensitive flag such as <c>--api-key VALUE</c>.
    /// </summary>
    public static ImmutableArray<string> Arguments(IEnumerable<string> args)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        var previousWasSensitiveFlag = false;
        foreach (var arg in args)
        {
            var assignment = Assignment().Match(arg);
            if (assignment.Success && IsSensitiveName(assignment.Groups["name"].Value))
            {
                result.Add($"{assignment.Groups["prefix"].Value}{assignment.Groups["name"].Value}={Mask}");
            }
            else
            {
                result.Add(previousWasSensitiveFlag && !arg.StartsWith('-') ? Mask : UrlPasswords(arg));
            }

            previousWasSensitiveFlag = arg.StartsWith('-') && !arg.Contains('=') && IsSensitiveName(arg);
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// A redacted, shell-quoted line that reproduces the command: <c>cd DIR &amp;&amp; NAME=value ... command args</c>.
    /// </summary>
    /// <param name="environment">Only the variables the launch adds or changes, not the inherited environment.</param>
    public static string CommandLine(
        string command,
        IEnumerable<string> args,
        IEnumerable<KeyValuePair<string, string>>? environment = null,
        string? workingDirectory = null)
    {
        var line = new StringBuilder();
        if (workingDirectory is not null)
        {
            line.Append("cd ").Append(ShellQuote(workingDirectory)).Append(" && ");
        }

        foreach (var (name, value) in Environment(environment ?? []))
        {
            line.Append(name).Append('=').Append(value == Mask ? Mask : ShellQuote(value)).Append(' ');
        }

        line.Append(ShellQuote(command));
        foreach (var arg in Arguments(args))
        {
            line.Append(' ').Append(arg.EndsWith(Mask, StringComparison.Ordinal) ? arg : ShellQuote(arg));
        }

        return line.ToString();
    }

    /// <summary>Quotes for a POSIX shell only when needed, so ordinary arguments stay readable.</summary>
    public static string ShellQuote(string text) =>
        text.Length > 0 && SafeWord().IsMatch(text) ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"^(?<prefix>-{0,2})(?<name>[A-Za-z_][A-Za-z0-9_.-]*)=", RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^[A-Za-z0-9_@%+=:,./-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeWord();

    [GeneratedRegex(@"(?<head>[A-Za-z][A-Za-z0-9+.-]*://[^/:@\s]*:)[^@/\s]*@")]
    private static partial Regex UrlPassword();
}
