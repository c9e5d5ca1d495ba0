using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Faceoff.Parity.Http;

/// <summary>
/// One HTTP/1.1 client socket. Raw on purpose: the gate needs exact body bytes, raw header values,
/// the framing the server chose, and certainty that two requests really shared one socket.
/// </summary>
public sealed class WireConnection : IAsyncDisposable
{
    /// <summary>Bound on a body the gate will hold in memory; contract bodies are small.</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    private const int MaxLineBytes = 16 * 1024;
    private const int MaxHeaderCount = 256;

    private readonly Socket socket;
    private readonly NetworkStream stream;
    private readonly string authority;
    private byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;

    private WireConnection(Socket socket, string authority)
    {
        this.socket = socket;
        this.authority = authority;
        stream = new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>True once a read hit end-of-stream: the server closed its side.</summary>
    public bool ClosedByPeer { get; private set; }

    public static async Task<WireConnection> OpenAsync(Uri baseUri, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(baseUri.Host, baseUri.Port, ct).ConfigureAwait(false);
            return new WireConnection(socket, baseUri.Authority);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task SendAsync(WireRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Body is null ? [] : Encoding.UTF8.GetBytes(request.Body);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{request.Method} {request.PathAndQuery} HTTP/1.1\r\n");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = authority,
            ["User-Agent"] = "faceoff-parity",
            ["Accept"] = "*/*",
        };
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = value;
        }

        if (request.Body is not null || request.Method is "POST" or "PUT" or "PATCH")
        {
            headers["Content-Length"] = body.Length.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), ct).ConfigureAwait(false);
        if (body.Length > 0)
        {
            await stream.WriteAsync(body, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Reads one response. Throws <see cref="WireProtocolException"/> for a malformed one, IO errors as they come.</summary>
    public async Task<WireResponse> ReceiveAsync(string requestMethod, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        (string Version, int Status, string Reason) statusLine;
        while (true)
        {
            var line = await ReadLineAsync(ct).ConfigureAwait(false)
                ?? throw new WireProtocolException("connection closed before a status line");
            statusLine = ParseStatusLine(line);
            if (statusLine.Status is >= 200 or 101)
            {
                break;
            }

            // 1xx interim responses carry no body; skip their headers and wait for the final one.
            await ReadHeadersAsync(ct).ConfigureAwait(false);
        }

        var (version, status, reason) = statusLine;
        var headers = await ReadHeadersAsync(ct).ConfigureAwait(false);
        var probe = new WireResponse(version, status, reason, headers, ReadOnlyMemory<byte>.Empty, TimeSpan.Zero);
        var (body, toClose) = await ReadBodyAsync(probe, requestMethod, ct).ConfigureAwait(false);
        return probe with { Body = body, Elapsed = clock.Elapsed, BodyReadToClose = toClose };
    }

    public async Task<WireResponse> ExchangeAsync(WireRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendAsync(request, ct).ConfigureAwait(false);
        return await ReceiveAsync(request.Method, ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync().ConfigureAwait(false);
        socket.Dispose();
    }

    private static (string Version, int Status, string Reason) ParseStatusLine(string line)
    {
        var parts = line.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new WireProtocolException($"malformed status line \"{line}\"");
        }

        return (parts[0], status, parts.Length > 2 ? parts[2] : string.Empty);
    }

    private async Task<ImmutableArray<WireHeader>> ReadHeadersAsync(CancellationToken ct)
    {
        var headers = ImmutableArray.CreateBuilder<WireHeader>();
        while (true)
        {
            var line = await ReadLineAsync(ct).ConfigureAwait(false)
                ?? throw new WireProtocolException("connection closed inside the header block");
            if (line.Length == 0)
            {
                return headers.ToImmutable();
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || headers.Count >= MaxHeaderCount)
            {
                throw new WireProtocolException($"malformed header line \"{line}\"");
            }

            headers.Add(new WireHeader(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
    }

    private async Task<(ReadOnlyMemory<byte> Body, bool ToClose)> ReadBodyAsync(WireResponse head, string method, CancellationToken ct)
    {
        if (method == "HEAD" || head.Status is 204 or 304)
        {
            return (ReadOnlyMemory<byte>.Empty, false);
        }

        var transferEncoding = head.Header("Transfer-Encoding");
        if (transferEncoding is not null && transferEncoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            return (await ReadChunkedAsync(ct).ConfigureAwait(false), false);
        }

        var contentLength = head.Header("Content-Length");
        if (contentLength is not null)
        {
            if (!int.TryParse(contentLength, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > MaxBodyBytes)
            {
                throw new WireProtocolException($"unusable Content-Length \"{contentLength}\"");
            }

            var body = new byte[length];
            await ReadExactAsync(body, ct).ConfigureAwait(false);
            return (body, false);
        }

        // No framing at all: HTTP/1.0 style, the body ends when the server closes the socket.
        using var all = new MemoryStream();
        while (await FillAsync(ct).ConfigureAwait(false) > 0 || start < end)
        {
            all.Write(buffer, start, end - start);
            start = end;
            if (all.Length > MaxBodyBytes)
            {
                throw new WireProtocolException($"unframed body longer than {MaxBodyBytes} bytes");
            }
        }

        return (all.ToArray(), true);
    }

    private async Task<ReadOnlyMemory<byte>> ReadChunkedAsync(CancellationToken ct)
    {
        using var all = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(ct).ConfigureAwait(false)
                ?? throw new WireProtocolException("connection closed inside a chunked body");
            var sizeText = sizeLine.Split(';', 2)[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size)
                || size < 0 || all.Length + size > MaxBodyBytes)
            {
                throw new WireProtocolException($"malformed chunk size \"{sizeLine}\"");
            }

            if (size == 0)
            {
                // Trailer section: header lines up to an empty line.
                while ((await ReadLineAsync(ct).ConfigureAwait(false) ?? string.Empty).Length > 0)
                {
                }

                return all.ToArray();
            }

            var chunk = new byte[size];
            await ReadExactAsync(chunk, ct).ConfigureAwait(false);
            all.Write(chunk);
            if (await ReadLineAsync(ct).ConfigureAwait(false) is not { Length: 0 })
            {
                throw new WireProtocolException("chunk not followed by CRLF");
            }
        }
    }

    private async Task ReadExactAsync(Memory<byte> destination, CancellationToken ct)
    {
        var filled = 0;
        while (filled < destination.Length)
        {
            if (start == end && await FillAsync(ct).ConfigureAwait(false) == 0)
            {
                throw new WireProtocolException($"connection closed after {filled} of {destination.Length} body bytes");
            }

            var take = Math.Min(end - start, destination.Length - filled);
            buffer.AsMemory(start, take).CopyTo(destination[filled..]);
            start += take;
            filled += take;
        }
    }

    /// <summary>Reads a line ending in LF (CR stripped), decoded as Latin-1 as RFC 9110 prescribes for field bytes; null at a clean EOF.</summary>
    private async Task<string?> ReadLineAsync(CancellationToken ct)
    {
        var scanned = start;
        while (true)
        {
            var lf = Array.IndexOf(buffer, (byte)'\n', scanned, end - scanned);
            if (lf >= 0)
            {
                var length = lf - start;
                if (length > 0 && buffer[lf - 1] == '\r')
                {
                    length--;
                }

                var line = Encoding.Latin1.GetString(buffer, start, length);
                start = lf + 1;
                return line;
            }

            if (end - start > MaxLineBytes)
            {
                throw new WireProtocolException($"line longer than {MaxLineBytes} bytes");
            }

            scanned = end;
            var before = start;
            if (await FillAsync(ct).ConfigureAwait(false) == 0)
            {
                return start == end ? null : throw new WireProtocolException("connection closed mid-line");
            }

            scanned -= before - start;
        }
    }

    /// <summary>Reads more bytes after the unread ones, compacting first; returns 0 at end-of-stream.</summary>
    private async Task<int> FillAsync(CancellationToken ct)
    {
        if (start > 0)
        {
            Array.Copy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = await stream.ReadAsync(buffer.AsMemory(end), ct).ConfigureAwait(false);
        if (read == 0)
        {
            ClosedByPeer = true;
        }

        end += read;
        return read;
    }
}

/// <summary>The server's bytes are not a well-formed HTTP/1.x response.</summary>
public sealed class WireProtocolException(string message) : Exception(message);
