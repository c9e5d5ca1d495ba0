namespace Faceoff.Hosts.Transport;

/// <summary>POSIX shell quoting: every command sent to a host is one string its shell parses.</summary>
public static class Shell
{
    /// <summary>Single-quotes a word so the shell passes it through unchanged (a ' becomes '\'').</summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:@%+,".Contains(c, StringComparison.Ordinal)))
        {
            return word;
        }

        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A command line from words, each quoted.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));
}
