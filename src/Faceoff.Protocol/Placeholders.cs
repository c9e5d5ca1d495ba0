using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Faceoff.Protocol;

/// <summary>
/// The <c>{name}</c> placeholders a framework's command, arguments, environment and working directory may use.
/// Only braces around an identifier count, so literal JSON such as <c>{"a":1}</c> in an env value needs no escaping.
/// </summary>
public static partial class Placeholders
{
    /// <summary>The port the pair assigns to this side; substituted by the runner.</summary>
    public const string Port = "port";

    /// <summary>The campaign's loopback host; substituted by the runner.</summary>
    public const string Host = "host";

    /// <summary>The directory of the file that defined the framework; expanded by the loader to an absolute path.</summary>
    public const string ProtocolDir = "protocol_dir";

    /// <summary>The Python interpreter prepare resolved; only for frameworks with runtime <c>python</c>.</summary>
    public const string Python = "python";

    /// <summary>The connection URL of the protocol's PostgreSQL service; substituted by the runner once the service is up.</summary>
    public const string DatabaseUrl = "database_url";

    /// <summary>
    /// An Arlen tree with <c>build/boomhauer</c> (see <see cref="Loading.ArlenHomeLocator"/>); expanded by the loader,
    /// which reports a located error when a protocol uses it and none is found.
    /// </summary>
    public const string ArlenHome = "arlen_home";

    public static readonly ImmutableArray<string> Known = [Port, Host, ProtocolDir, Python, DatabaseUrl, ArlenHome];

    /// <summary>The placeholder names used in <paramref name="text"/>, known or not.</summary>
    public static IEnumerable<string> NamesIn(string text) =>
        Pattern().Matches(text).Select(match => match.Groups[1].Value);

    /// <summary>Replaces the placeholders that have a value; others are left as written for a later stage.</summary>
    public static string Expand(string text, IReadOnlyDictionary<string, string> values) =>
        Pattern().Replace(text, match => values.TryGetValue(match.Groups[1].Value, out var value) ? value : match.Value);

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Pattern();
}
