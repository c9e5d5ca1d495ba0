using System.Net.Sockets;
using System.Text;

namespace Faceoff.Testing;

/// <summary>One accepted connection of a <see cref="RawHttpServer"/>, with blocking helpers.</summary>
public sealed class RawConnection
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    internal RawConnection(Socket socket, CancellationToken stopping)
    {
        _socket = socket;
        _socket.NoDelay = true;
        Stopping = stopping;
    }

    /// <summary>Signalled when the server is being disposed.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>Reads one request head (and its Content-Length body); false when the client closed.</summary>
    public bool ReadRequest()
    {
        while (true)
        {
            var head = _buffer.AsSpan(_start, _end - _start);
            var end = head.IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var length = ContentLength(head[..end]);
                var total = end + 4 + length;
                if (_end - _start >= total)
                {
                    _start += total;
                    return true;
                }
            }

            if (!Fill())
            {
                return false;
            }
        }
    }

    public void Write(ReadOnlySpan<byte> bytes) => _socket.Send(bytes);

    public void Write(string text) => Write(Encoding.ASCII.GetBytes(text));

    /// <summary>Blocks until the server is disposed or the client closes (a server that never answers).</summary>
    public void HoldUntilStopped()
    {
        var scratch = new byte[1024];
        while (!Stopping.IsCancellationRequested && _socket.Receive(scratch) > 0)
        {
            // Swallow whatever the client sends; never reply.
        }
    }

    /// <summary>
    /// Sends <paramref name="bytes"/> and a FIN in one segment (Linux TCP_CORK), so the client sees the data and
    /// the end of the stream in the same read event; the socket stays open for reading (a half-close).
    /// </summary>
    public void WriteAndShutdown(ReadOnlySpan<byte> bytes)
    {
        const int ipProtoTcp = 6, tcpCork = 3;
        Span<byte> on = stackalloc byte[4];
        BitConverter.TryWriteBytes(on, 1);
        _socket.SetRawSocketOption(ipProtoTcp, tcpCork, on);
        _socket.Send(bytes);
        _socket.Shutdown(SocketShutdown.Send);
    }

    /// <summary>Closes the connection (a FIN; the client sees EOF).</summary>
    public void Close()
    {
        _socket.Shutdown(SocketShutdown.Both);
        _socket.Close();
    }

    internal void Abort() => _socket.Dispose();

    private bool Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            throw new IOException("request head larger than the test server's buffer");
        }

        var n = _socket.Receive(_buffer, _end, _buffer.Length - _end, SocketFlags.None);
        _end += n;
        return n > 0;
    }

    private static int ContentLength(ReadOnlySpan<byte> head)
    {
        foreach (var range in head.Split("\r\n"u8))
        {
            var line = Encoding.ASCII.GetString(head[range]);
            if (line.StartsWith("content-length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line.AsSpan(15).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
