using System.Net;
using Faceoff.Protocol.Model;

namespace Faceoff.Hosts.Load;

/// <summary>
/// Where load may go: loopback, or the address of a host the protocol declares (where its servers run). Anything
/// else is refused, as the local load engine refuses non-loopback targets without --allow-remote.
/// </summary>
public static class LoadTargetPolicy
{
    /// <returns>Null when allowed; otherwise why not.</returns>
    public static string? Check(Uri target, IEnumerable<HostDefinition> declared)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(declared);
        var host = target.IdnHost;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)))
        {
            return null;
        }

        var addresses = declared.Where(d => d.Kind == HostKind.Ssh && d.Address is not null).Select(d => d.Address!).ToList();
        if (addresses.Any(a => string.Equals(a, host, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return $"load target {target} is neither loopback nor a declared host ({(addresses.Count == 0 ? "no ssh hosts are declared" : "declared: " + string.Join(", ", addresses))}); refused";
    }
}
