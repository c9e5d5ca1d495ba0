using System.Text;

namespace Faceoff.Testing;

/// <summary>
/// Ready-made loopback servers, well-behaved and deliberately misbehaving, for load-engine and parity tests.
/// Each returns a running <see cref="RawHttpServer"/>; dispose it to stop it.
/// </summary>
public static class TestServers
{
    /// <summary>The response every "ok" server sends: 200, text/plain, "ok\n", keep-alive.</summary>
    public const string OkResponse = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n";

    /// <summary>Answers every request on a connection with the same bytes, keep-alive.</summary>
    public static RawHttpServer Canned(string response) => Canned(Encoding.ASCII.GetBytes(response));

    /// <inheritdoc cref="Canned(string)"/>
    public static RawHttpServer Canned(byte[] response) => RawHttpServer.Start(c =>
    {
        while (c.ReadRequest())
        {
            c.Write(response);
        }
    });

    /// <summary>Answers each request after a fixed delay (blocking sleep on the connection's thread: precise).</summary>
    public static RawHttpServer FixedDelay(TimeSpan delay) => RawHttpServer.Start(c =>
    {
        var response = Encoding.ASCII.GetBytes(OkResponse);
        while (c.ReadRequest())
        {
            Thread.Sleep(delay);
            c.Write(response);
        }
    });

    /// <summary>Sends the head and part of the body of a response, then closes the connection.</summary>
    public static RawHttpServer ClosesMidResponse() => RawHttpServer.Start(c =>
    {
        if (c.ReadRequest())
        {
            c.Write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b");
            c.Close();
        }
    });

    /// <summary>Answers every request with bytes that are not HTTP.</summary>
    public static RawHttpServer Garbage() => RawHttpServer.Start(c =>
    {
        while (c.ReadRequest())
        {
            c.Write("\u0016\u0003\u0001garbage, not HTTP at all\r\n\r\n");
        }
    });

    /// <summary>Starts a response, then stalls forever (past any timeout) without closing.</summary>
    public static RawHttpServer Stalls() => RawHttpServer.Start(c =>
    {
        if (c.ReadRequest())
        {
            c.Write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nab");
            c.HoldUntilStopped();
        }
    });

    /// <summary>Accepts connections and reads requests but never answers.</summary>
    public static RawHttpServer NeverAnswers() => RawHttpServer.Start(c => c.HoldUntilStopped());

    /// <summary>Answers every request with a body of <paramref name="bodyBytes"/> bytes (Content-Length), keep-alive.</summary>
    public static RawHttpServer LargeBody(long bodyBytes) => RawHttpServer.Start(c =>
    {
        var block = new byte[64 * 1024];
        block.AsSpan().Fill((byte)'x');
        while (c.ReadRequest())
        {
            c.Write($"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {bodyBytes}\r\n\r\n");
            for (var left = bodyBytes; left > 0; left -= block.Length)
            {
                c.Write(block.AsSpan(0, (int)Math.Min(left, block.Length)));
            }
        }
    });

    /// <summary>Answers one request per connection with <c>Connection: close</c>, then closes.</summary>
    public static RawHttpServer ConnectionCloseEveryTime() => RawHttpServer.Start(c =>
    {
        if (c.ReadRequest())
        {
            c.Write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 3\r\n\r\nok\n");
            c.Close();
        }
    });

    /// <summary>
    /// Answers one request with an ordinary keep-alive response, then half-closes without announcing it (the FIN
    /// travels in the response's own segment) and silently reads whatever else arrives.
    /// </summary>
    public static RawHttpServer HalfClosesAfterKeepAliveResponse() => RawHttpServer.Start(c =>
    {
        if (c.ReadRequest())
        {
            c.WriteAndShutdown(Encoding.ASCII.GetBytes(OkResponse));
            c.HoldUntilStopped();
        }
    });

    /// <summary>Answers with HTTP/1.0 and no length: the body ends when the server closes.</summary>
    public static RawHttpServer Http10UntilClose() => RawHttpServer.Start(c =>
    {
        if (c.ReadRequest())
        {
            c.Write("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nhello from 1.0");
            c.Close();
        }
    });
}
