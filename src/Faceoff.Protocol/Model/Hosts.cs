using System.Collections.Immutable;

namespace Faceoff.Protocol.Model;

/// <summary>How Faceoff reaches a host.</summary>
public enum HostKind
{
    /// <summary>This machine.</summary>
    Local,

    /// <summary>A machine reached with the system OpenSSH client.</summary>
    Ssh,
}

/// <summary>
/// A machine servers or load run on. <see cref="LocalName"/> always exists (implicitly, kind local); an SSH host
/// names its destination. Only the identity file's path is kept, never a key.
/// </summary>
/// <param name="Address">SSH only: the host name or address ssh connects to, also the address load is sent to.</param>
/// <param name="Options">SSH only: extra <c>ssh -o</c> options, each "Key=Value".</param>
/// <param name="WorkDir">SSH only: where Faceoff may put its files there (relative paths are under the user's home).</param>
public sealed record HostDefinition(
    string Name,
    HostKind Kind,
    string? User = null,
    string? Address = null,
    int? Port = null,
    string? IdentityFile = null,
    ImmutableArray<string> Options = default,
    string? WorkDir = null)
{
    /// <summary>The implicit host every protocol has: today's behaviour, everything on this machine.</summary>
    public const string LocalName = "local";

    public static readonly HostDefinition Local = new(LocalName, HostKind.Local);

    public ImmutableArray<string> Options { get; init; } = Options.IsDefault ? [] : Options;
}
