using System.Net;
using System.Net.Sockets;

namespace Faceoff.Testing;

/// <summary>Loopback ports chosen by the OS, so parallel tests never clash on a fixed number.</summary>
public static class FreePort
{
    // The OS may hand out a port again as soon as the probe socket closes: two calls in a row once gave one
    // protocol the same port for two servers. Never return a port twice in one test process.
    private static readonly HashSet<int> Given = [];

    /// <summary>A port that was free a moment ago and that no earlier call returned (prefer binding port 0 directly when the server allows it).</summary>
    public static int Get()
    {
        while (true)
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
            lock (Given)
            {
                if (Given.Add(port))
                {
                    return port;
                }
            }
        }
    }

    /// <summary>A loopback port on which nothing listens (connections are refused).</summary>
    public static int Refusing() => Get();
}
