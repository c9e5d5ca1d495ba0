using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Faceoff.Parity.Tests.Fixtures;

/// <summary>
/// A raw TCP server on 127.0.0.1:0 that answers every connection with fixed bytes (then optionally closes),
/// or never answers at all: the misbehaviour Kestrel will not produce.
/// </summary>
public sealed class RawServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    /// <param name="reply">Sent after the request head arrives; null means never reply.</param>
    public RawServer(string? reply, bool closeAfterReply)
    {
        listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        loop = Task.Run(() => AcceptAsync(reply, closeAfterReply));
    }

    public Uri BaseUri { get; }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop.ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }

    private async Task AcceptAsync(string? reply, bool closeAfterReply)
    {
        var held = new List<Socket>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var socket = await listener.AcceptSocketAsync(stop.Token);
                held.Add(socket);
                var buffer = new byte[8192];
                var head = string.Empty;
                while (!head.Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await socket.ReceiveAsync(buffer, stop.Token);
                    if (read == 0)
                    {
                        break;
                    }

                    head += Encoding.Latin1.GetString(buffer, 0, read);
                }

                if (reply is not null)
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(reply), stop.Token);
                    if (closeAfterReply)
                    {
                        socket.Shutdown(SocketShutdown.Both);
                        socket.Close();
                    }
                }
            }
        }
        finally
        {
            held.ForEach(s => s.Dispose());
        }
    }
}
