using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Faceoff.Targets.Processes;

/// <summary>A TCP socket in LISTEN state, from /proc/net/tcp{,6}; <see cref="Inode"/> is as fd links show it.</summary>
internal readonly record struct ListeningSocket(IPAddress Address, int Port, string Inode);

/// <summary>Who holds the socket a connection to the server's host and port reaches.</summary>
internal enum ListenerOwner
{
    /// <summary>Every listener the connection can reach belongs to the server's process tree.</summary>
    Ours,

    /// <summary>At least one of them does not; the detail names the holder.</summary>
    Foreign,

    /// <summary>Nothing listens on the port (any more).</summary>
    NotListening,

    /// <summary>/proc/net/tcp could not be read, so ownership cannot be told.</summary>
    Unverifiable,
}

internal readonly record struct ListenerCheck(ListenerOwner Owner, string Detail);

/// <summary>Reads listening sockets from /proc and tells which process holds them.</summary>
internal static class PortListeners
{
    private const string ListenState = "0A";
    private const int MaxCommandLine = 200;

    /// <summary>
    /// Whether the listener(s) a connection to <paramref name="host"/>:<paramref name="port"/> reaches are held by
    /// <paramref name="treePids"/>. Scans every process's fds only when they are not, to name the holder.
    /// </summary>
    public static ListenerCheck CheckOwner(string host, int port, IEnumerable<int> treePids)
    {
        if (Read(port) is not { } listening)
        {
            return new(ListenerOwner.Unverifiable, "/proc/net/tcp is not readable, so the listener's owner was not checked");
        }

        var target = IPAddress.TryParse(host, out var parsed) ? Normalize(parsed) : null;
        var reached = Reached(listening, target);
        if (reached.Count == 0)
        {
            return new(ListenerOwner.NotListening, $"no socket listening on port {port} is visible in /proc/net/tcp");
        }

        var ours = new Dictionary<string, int>();
        foreach (var pid in treePids)
        {
            foreach (var socket in SocketsOf(pid))
            {
                ours.TryAdd(socket, pid);
            }
        }

        var foreign = reached.Select(s => s.Inode).Where(inode => !ours.ContainsKey(inode)).ToHashSet();
        if (foreign.Count == 0)
        {
            return new(ListenerOwner.Ours, $"port {port} is held by pid {ours[reached[0].Inode]} of the server's tree");
        }

        // Another user's process hides its fds from us; its socket is then certainly not our tree's.
        var holder = FindSocketOwner(foreign) is { } owner
            ? $"pid {owner} ({CommandLine(owner)})"
            : "a process whose file descriptors are not visible (another user's?)";
        return new(ListenerOwner.Foreign, $"port {port} is held by {holder}, not by the server we started");
    }

    /// <summary>Listening sockets on <paramref name="port"/>; null when neither table can be read.</summary>
    public static List<ListeningSocket>? Read(int port)
    {
        List<ListeningSocket>? found = null;
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            try
            {
                var sockets = File.ReadLines(table).Skip(1).Select(ParseLine).OfType<ListeningSocket>().Where(s => s.Port == port).ToList();
                (found ??= []).AddRange(sockets);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // tcp6 is absent when IPv6 is disabled; only both missing leaves us blind.
            }
        }

        return found;
    }

    /// <summary>Parses a /proc/net/tcp{,6} row; null unless it is a socket in LISTEN state.</summary>
    public static ListeningSocket? ParseLine(string line)
    {
        // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
        var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var colon = f.Length > 9 ? f[1].LastIndexOf(':') : -1;
        if (colon is not (8 or 32) || f[3] != ListenState)
        {
            return null;
        }

        var bytes = new byte[colon / 2];
        for (var word = 0; word < colon / 8; word++)
        {
            // The kernel prints each 32-bit word of the network-order address as a native-endian integer.
            var value = uint.Parse(f[1].AsSpan(word * 8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            BitConverter.TryWriteBytes(bytes.AsSpan(word * 4, 4), value);
        }

        var port = int.Parse(f[1].AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new ListeningSocket(Normalize(new IPAddress(bytes)), port, $"socket:[{f[9]}]");
    }

    /// <summary>
    /// The listeners a connection to <paramref name="target"/> can land on: those bound to exactly that address
    /// when there are any (the kernel prefers them), else the wildcard ones. Every listener for a host name,
    /// which may resolve to any address.
    /// </summary>
    public static List<ListeningSocket> Reached(List<ListeningSocket> listening, IPAddress? target)
    {
        if (target is null)
        {
            return listening;
        }

        int Rank(IPAddress address) =>
            address.Equals(target) ? 2
            : address.Equals(IPAddress.IPv6Any) || (address.Equals(IPAddress.Any) && target.AddressFamily == AddressFamily.InterNetwork) ? 1
            : 0;
        var best = listening.Count == 0 ? 0 : listening.Max(s => Rank(s.Address));
        return best == 0 ? [] : [.. listening.Where(s => Rank(s.Address) == best)];
    }

    /// <summary>The first pid holding any of <paramref name="sockets"/>, scanning every /proc/*/fd.</summary>
    public static int? FindSocketOwner(HashSet<string> sockets)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && SocketsOf(pid).Overlaps(sockets))
            {
                return pid;
            }
        }

        return null;
    }

    /// <summary>The socket links (<c>socket:[inode]</c>) among a process's fds; empty when it is gone or not ours.</summary>
    private static HashSet<string> SocketsOf(int pid)
    {
        var sockets = new HashSet<string>();
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:", StringComparison.Ordinal))
                {
                    sockets.Add(target);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process exited, or its fds are not ours to read.
        }

        return sockets;
    }

    /// <summary>The process's arguments, secrets masked and length capped: it may be anyone's process.</summary>
    private static string CommandLine(int pid)
    {
        try
        {
            var args = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            var line = string.Join(' ', Redaction.Arguments(args));
            return line.Length == 0 ? ProcFs.Comm(pid) ?? "?" : line.Length > MaxCommandLine ? line[..MaxCommandLine] + "…" : line;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ProcFs.Comm(pid) ?? "?";
        }
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
