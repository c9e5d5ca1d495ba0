using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Faceoff.Testing;

/// <summary>
/// A tiny loopback TCP server for tests: each accepted connection runs <c>handler</c> on its own thread with
/// blocking I/O (so delays are precise and misbehaviour is easy to script). Disposing closes the listener and
/// every connection, which ends the handlers; nothing outlives the test.
/// </summary>
public sealed class RawHttpServer : IDisposable
{
    private readonly Socket _listener;
    private readonly Action<RawConnection> _handler;
    private readonly ConcurrentDictionary<RawConnection, byte> _open = new();
    private readonly Thread _acceptThread;
    private readonly CancellationTokenSource _stop = new();
    private int _accepted;

    private RawHttpServer(Action<RawConnection> handler)
    {
        _handler = handler;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(512);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _acceptThread = new Thread(AcceptLoop) { IsBackground = true, Name = "raw-http-accept" };
        _acceptThread.Start();
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Starts a server whose connections are served by <paramref name="handler"/>.</summary>
    public static RawHttpServer Start(Action<RawConnection> handler) => new(handler);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        foreach (var connection in _open.Keys)
        {
            connection.Abort();
        }

        _acceptThread.Join(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }

    private void AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = _listener.Accept();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            var connection = new RawConnection(client, _stop.Token);
            _open[connection] = 0;
            new Thread(() => Serve(connection)) { IsBackground = true, Name = "raw-http-conn" }.Start();
        }
    }

    private void Serve(RawConnection connection)
    {
        try
        {
            _handler(connection);
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away or the server is shutting down: both are normal ends for a test connection.
        }
        finally
        {
            _open.TryRemove(connection, out _);
            connection.Abort();
        }
    }
}
