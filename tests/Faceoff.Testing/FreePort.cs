using System.Net;
using System.Net.Sockets;

namespace Faceoff.Testing;

/// <summary>Loopback ports chosen by the OS, so parallel tests never clash on a fixed number.</summary>
public static class FreePort
{
    /// <summary>A port that was free a moment ago (prefer binding port 0 directly when the server allows it).</summary>
    public static int Get()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    /// <summary>A loopback port on which nothing listens (connections are refused).</summary>
    public static int Refusing() => Get();
}
