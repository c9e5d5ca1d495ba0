using Faceoff.Hosts.Transport;
using Faceoff.Protocol.Model;

namespace Faceoff.Hosts;

/// <summary>Turns the protocol's host definitions into hosts Faceoff can use.</summary>
public static class HostFactory
{
    /// <param name="localWorkDirectory">Where the local host keeps its files (e.g. under the run directory).</param>
    public static IHost Create(HostDefinition definition, string localWorkDirectory, SshSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Kind switch
        {
            HostKind.Local => new LocalHost(definition.Name, localWorkDirectory),
            HostKind.Ssh => new SshHost(Destination(definition), settings),
            _ => throw new ArgumentOutOfRangeException(nameof(definition), definition.Kind, "unknown host kind"),
        };
    }

    public static SshDestination Destination(HostDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Kind != HostKind.Ssh || definition.Address is null)
        {
            throw new ArgumentException($"host '{definition.Name}' is not an ssh host", nameof(definition));
        }

        return new SshDestination(
            definition.Name,
            definition.Address,
            definition.User,
            definition.Port,
            definition.IdentityFile is { } key ? ExpandHome(key) : null,
            definition.Options,
            definition.WorkDir ?? SshDestination.DefaultWorkDirectory);
    }

    // ssh expands ~ itself in its configuration, but not in a -i argument passed through a process list.
    private static string ExpandHome(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : path;
}
