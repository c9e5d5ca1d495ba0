using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Faceoff.Targets.Processes;

/// <summary>Finds out, before a server starts, whether its port is taken and by whom.</summary>
internal static class PortCheck
{
    private const string ListenState = "0A";

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
    public static int? FindListener(int port)
    {
        var inodes = new HashSet<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            try
            {
                foreach (var line in File.ReadLines(table).Skip(1))
                {
                    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                    var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (f.Length > 9 && f[3] == ListenState
                        && int.Parse(f[1][(f[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
                    {
                        inodes.Add($"socket:[{f[9]}]");
                    }
                }
            }
            catch (IOException)
            {
            }
        }

        return inodes.Count == 0 ? null : FindSocketOwner(inodes);
    }

    private static int? FindSocketOwner(HashSet<string> sockets)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries($"{dir}/fd"))
                {
                    if (new FileInfo(fd).LinkTarget is { } target && sockets.Contains(target))
                    {
                        return pid;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process exited, or its fds are not ours to read.
            }
        }

        return null;
    }
}
