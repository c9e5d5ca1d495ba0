using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Faceoff.Load.Native;

/// <summary>Non-blocking TCP socket helpers over raw file descriptors.</summary>
internal static unsafe class NativeSocket
{
    /// <summary>Encodes an endpoint as the kernel's sockaddr_in / sockaddr_in6, once per run.</summary>
    public static byte[] EncodeAddress(IPEndPoint endPoint)
    {
        var ip = endPoint.Address;
        var v6 = ip.AddressFamily == AddressFamily.InterNetworkV6;
        var buffer = new byte[v6 ? 28 : 16];
        BitConverter.TryWriteBytes(buffer.AsSpan(0, 2), (ushort)(v6 ? Libc.AfInet6 : Libc.AfInet));
        buffer[2] = (byte)(endPoint.Port >> 8);
        buffer[3] = (byte)endPoint.Port;
        if (v6)
        {
            ip.TryWriteBytes(buffer.AsSpan(8, 16), out _);
            BitConverter.TryWriteBytes(buffer.AsSpan(24, 4), (uint)ip.ScopeId);
        }
        else
        {
            ip.TryWriteBytes(buffer.AsSpan(4, 4), out _);
        }

        return buffer;
    }

    /// <summary>Opens a non-blocking TCP socket with Nagle disabled; returns -1 on failure.</summary>
    public static int Open(bool v6)
    {
        var fd = Libc.Socket(v6 ? Libc.AfInet6 : Libc.AfInet, Libc.SockStream | Libc.SockNonBlock | Libc.SockCloExec, 0);
        if (fd < 0)
        {
            return -1;
        }

        var one = 1;
        Libc.SetSockOpt(fd, Libc.IpProtoTcp, Libc.TcpNoDelay, &one, sizeof(int));
        return fd;
    }

    /// <summary>Starts a connect; true when it completed or is in progress, false when it failed outright.</summary>
    public static bool StartConnect(int fd, byte[] address)
    {
        fixed (byte* a = address)
        {
            if (Libc.Connect(fd, a, address.Length) == 0)
            {
                return true;
            }
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno is Libc.EInProgress or Libc.EAgain or Libc.EIntr;
    }

    /// <summary>The pending error of a socket (0 once a non-blocking connect has succeeded).</summary>
    public static int PendingError(int fd)
    {
        int error = 0, length = sizeof(int);
        return Libc.GetSockOpt(fd, Libc.SolSocket, Libc.SoError, &error, &length) == 0 ? error : Marshal.GetLastPInvokeError();
    }
}
