using System.Net;
using System.Net.Sockets;

namespace Faceoff.Targets.Processes;

/// <summary>Finds out, before a server starts, whether its port is taken and by whom.</summary>
internal static class PortCheck
{
    /// <summary>Null when the port is free; otherwise a message naming the port and, if found, the holder.</summary>
    public static string? FindConflict(string host, int port)
    {
        var address = IPAddress.TryParse(host, out var parsed) ? parsed : IPAddress.Loopback;
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        // Servers set SO_REUSEADDR, so connections in TIME_WAIT from an earlier run do not block them: nor must they block us.
        probe.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            probe.Bind(new IPEndPoint(address, port));
            return null;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            var holder = FindListener(port) is { } pid ? $"held by pid {pid} ({ProcFs.Comm(pid) ?? "?"})" : "holder not visible in /proc";
            return $"port {port} on {host} is already in use ({holder}); stop that process or give the pair another port";
        }
        catch (SocketException ex)
        {
            return $"cannot bind {host}:{port}: {ex.Message}";
        }
    }

    /// <summary>The pid owning a socket that listens on <paramref name="port"/>, from /proc/net/tcp{,6} and /proc/*/fd.</summary>
    public static int? FindListener(int port) =>
        PortListeners.Read(port) is { Count: > 0 } listening ? PortListeners.FindSocketOwner([.. listening.Select(s => s.Inode)]) : null;
}
