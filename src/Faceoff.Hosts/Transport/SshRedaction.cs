using System.Text.RegularExpressions;

namespace Faceoff.Hosts.Transport;

/// <summary>
/// Masks secrets in ssh command lines before they are printed or stored: values of options and variables whose
/// name mentions a password, secret or token, and sshpass's password. Key files appear by path only, never by content.
/// </summary>
public static partial class SshRedaction
{
    public const string Mask = "***";

    /// <summary>Redacts a list of ssh arguments (options and the remote command).</summary>
    public static IReadOnlyList<string> Arguments(IEnumerable<string> args) => [.. args.Select(Command)];

    /// <summary>Redacts one argument or shell command string.</summary>
    public static string Command(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // sshpass first: its "-p VALUE" would otherwise read as the value of the word "sshpass".
        var masked = SshPass().Replace(text, m => m.Groups["flag"].Value + Mask);
        return SensitiveAssignment().Replace(masked, m => m.Groups["name"].Value + m.Groups["sep"].Value + Mask);
    }

    // NAME=value, NAME value (ssh -o style) and --name=value, where NAME mentions a secret; the value may be quoted.
    [GeneratedRegex(@"(?<name>[A-Za-z0-9_\-]*(?:PASS|SECRET|TOKEN|PASSPHRASE|PASSWORD)[A-Za-z0-9_\-]*)(?<sep>\s*=\s*|\s+)(?<value>'[^']*'|""[^""]*""|[^\s'""]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SensitiveAssignment();

    [GeneratedRegex(@"(?<flag>\bsshpass\s+-p\s*)(?<value>'[^']*'|""[^""]*""|\S+)")]
    private static partial Regex SshPass();
}
