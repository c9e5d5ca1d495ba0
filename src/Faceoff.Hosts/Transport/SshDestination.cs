using System.Collections.Immutable;

namespace Faceoff.Hosts.Transport;

/// <summary>
/// Where and how to reach a host with the system OpenSSH client. Anything not given here comes from the user's
/// ssh configuration (~/.ssh/config, or <see cref="ConfigFile"/>), so keys, agents and jump hosts keep working.
/// </summary>
/// <param name="Name">The host's name in the protocol.</param>
/// <param name="Address">Host name or address ssh connects to (or a Host alias of the ssh configuration).</param>
/// <param name="IdentityFile">A private key's path; only the path is ever printed.</param>
/// <param name="Options">Extra <c>-o</c> options, each "Key=Value".</param>
/// <param name="WorkDirectory">Where Faceoff may put its files on the host.</param>
/// <param name="ConfigFile">An ssh_config to use instead of ~/.ssh/config (<c>ssh -F</c>).</param>
public sealed record SshDestination(
    string Name,
    string Address,
    string? User = null,
    int? Port = null,
    string? IdentityFile = null,
    ImmutableArray<string> Options = default,
    string WorkDirectory = SshDestination.DefaultWorkDirectory,
    string? ConfigFile = null)
{
    /// <summary>Relative to the remote user's home directory (ssh commands start there).</summary>
    public const string DefaultWorkDirectory = ".faceoff/host";

    public ImmutableArray<string> Options { get; init; } = Options.IsDefault ? [] : Options;

    /// <summary>user@address, the way ssh takes it.</summary>
    public string Target => User is null ? Address : $"{User}@{Address}";
}
