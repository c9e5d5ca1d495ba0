using System.Net;
using System.Net.Sockets;

namespace Faceoff.Load;

/// <summary>The resolved target of a run, or why it was refused.</summary>
/// <param name="EndPoint">The address connected to; null when refused.</param>
/// <param name="Error">Why the target cannot be used; null when it can.</param>
public sealed record LoadTarget(IPEndPoint? EndPoint, string? Error)
{
    /// <summary>
    /// Resolves the URL's host (IPv4 preferred). Unless <see cref="LoadOptions.AllowRemote"/> is set, refuses any
    /// host that does not resolve to loopback only: load generation aimed elsewhere by mistake is an attack.
    /// </summary>
    public static async Task<LoadTarget> ResolveAsync(LoadOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = options.Url.IdnHost;
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                return new LoadTarget(null, $"cannot resolve '{host}': {ex.Message}");
            }
        }

        var usable = addresses.Where(a => a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6).ToList();
        if (usable.Count == 0)
        {
            return new LoadTarget(null, $"'{host}' has no IPv4 or IPv6 address");
        }

        if (!options.AllowRemote && !usable.All(IPAddress.IsLoopback))
        {
            return new LoadTarget(null, $"'{host}' is not a loopback address; remote targets must be allowed explicitly (--allow-remote)");
        }

        var address = usable.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? usable[0];
        return new LoadTarget(new IPEndPoint(address, options.Url.Port), null);
    }
}
