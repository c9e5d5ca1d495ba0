using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Faceoff.Load.Http;
using Faceoff.Load.Native;

namespace Faceoff.Load.Engine;

/// <summary>The request life cycle on one connection: start, connect, send, receive, complete or fail.</summary>
internal sealed unsafe partial class Worker
{
    private const uint Interest = Epoll.In | Epoll.Out | Epoll.RdHup | Epoll.EdgeTriggered;

    /// <summary>Starts the connection's next request if the loop model and the bounds allow it now.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void StartNext(Connection c, long now)
    {
        if (!CanStart(now))
        {
            return;
        }

        if (_plan.OpenLoop)
        {
            if (c.NextIntended > now)
            {
                Wake(c.NextIntended);
                return;
            }

            c.IntendedAt = c.NextIntended;
            c.NextIntended += _plan.IntervalTicks;
            if (now - c.IntendedAt >= EnginePlan.LateTicks)
            {
                Stats.LateSends++;
            }
        }
        else
        {
            c.IntendedAt = now;
        }

        _budget--;
        _inFlight++;
        c.Sent++;
        Stats.Requests++;
        c.StartedAt = now;
        c.Deadline = now + _plan.TimeoutTicks;
        Wake(c.Deadline);
        if (_plan.Sampler is not null && _sampling.Due(c.Sent == 1, now, _budget))
        {
            c.Sampling = true;
            c.Parser.BeginCapture(_plan.MaxSampledBodyBytes);
        }

        if (c.Fd < 0)
        {
            Connect(c, now);
            return;
        }

        c.State = ConnectionState.Sending;
        c.SendOffset = 0;
        Send(c, now);
    }

    private void Connect(Connection c, long now)
    {
        var fd = NativeSocket.Open(_plan.IPv6);
        if (fd < 0)
        {
            Fail(c, LoadErrorKind.Connect, now, "socket() failed");
            return;
        }

        c.Fd = fd;
        c.State = ConnectionState.Connecting;
        if (!_epoll.Add(fd, Interest, (ulong)c.Index) || !NativeSocket.StartConnect(fd, _plan.Address))
        {
            Fail(c, LoadErrorKind.Connect, now, "connect() failed");
        }

        // Otherwise the edge-triggered EPOLLOUT reports completion, even when connect() finished at once.
    }

    private void OnConnectReady(Connection c, long now)
    {
        var error = NativeSocket.PendingError(c.Fd);
        if (error != 0)
        {
            Fail(c, LoadErrorKind.Connect, now, "connection refused or unreachable");
            return;
        }

        c.State = ConnectionState.Sending;
        c.SendOffset = 0;
        Send(c, now);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Send(Connection c, long now)
    {
        var request = _plan.Request;
        fixed (byte* p = request)
        {
            while (c.SendOffset < request.Length)
            {
                var n = Libc.Send(c.Fd, p + c.SendOffset, request.Length - c.SendOffset, Libc.MsgNoSignal);
                if (n > 0)
                {
                    c.SendOffset += (int)n;
                    Stats.BytesWritten += n;
                    continue;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno == Libc.EAgain)
                {
                    return;
                }

                if (errno != Libc.EIntr)
                {
                    Fail(c, LoadErrorKind.Write, now, "send() failed");
                    return;
                }
            }
        }

        c.State = ConnectionState.Receiving;
    }

    /// <summary>
    /// Reads until the kernel has nothing more. A short read means drained (saving a syscall that would only
    /// say EAGAIN) unless the peer has hung up: edge-triggered epoll signals a FIN once, so then read to the end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Receive(Connection c, uint events, long now)
    {
        var hungUp = (events & (Epoll.RdHup | Epoll.Hup | Epoll.Err)) != 0;
        var buffer = _receiveBuffer;
        fixed (byte* p = buffer)
        {
            while (true)
            {
                var n = Libc.Recv(c.Fd, p, buffer.Length, 0);
                if (n > 0)
                {
                    Stats.BytesRead += n;
                    if (!Feed(c, new ReadOnlySpan<byte>(p, (int)n), hungUp, now) || (n < buffer.Length && !hungUp))
                    {
                        return;
                    }

                    continue;
                }

                if (n == 0)
                {
                    OnEof(c, now);
                    return;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno == Libc.EAgain)
                {
                    return;
                }

                if (errno != Libc.EIntr)
                {
                    Fail(c, LoadErrorKind.Read, now, "recv() failed (connection reset?)");
                    return;
                }
            }
        }
    }

    /// <summary>Parses received bytes; false when the response ended (completed or failed).</summary>
    /// <param name="peerClosed">The peer has shut down its side: no further response can come on this socket.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Feed(Connection c, ReadOnlySpan<byte> data, bool peerClosed, long now)
    {
        switch (c.Parser.Parse(data, out var consumed))
        {
            case ParseStatus.NeedMore:
                return true;
            case ParseStatus.Complete:
                // Bytes after a complete response were never asked for (no pipelining): drop the connection.
                Complete(c, now, forceClose: peerClosed || consumed < data.Length);
                return false;
            default:
                Fail(c, LoadErrorKind.Parse, now, c.Parser.ErrorReason);
                return false;
        }
    }

    private void OnEof(Connection c, long now)
    {
        if (c.Parser.OnEof() == ParseStatus.Complete)
        {
            Complete(c, now, forceClose: true);
        }
        else
        {
            Fail(c, LoadErrorKind.ClosedMidResponse, now, null);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Complete(Connection c, long now, bool forceClose)
    {
        var parser = c.Parser;
        _inFlight--;
        Stats.RecordResponse(Second(now), parser.StatusCode, Micros(now - c.IntendedAt), Micros(now - c.StartedAt));
        MarkWarm();
        if (c.Sampling)
        {
            CheckSample(c);
        }

        if (forceClose || !parser.KeepAlive || c.SendOffset < _plan.Request.Length)
        {
            Disconnect(c);
        }

        parser.Reset();
        c.State = ConnectionState.Idle;
        StartNext(c, now);
    }

    private void CheckSample(Connection c)
    {
        c.Sampling = false;
        var capture = c.Parser.Capture;
        c.Parser.EndCapture();
        if (capture is null)
        {
            return;
        }

        Stats.Sampled++;
        var reason = _plan.Sampler!.Check(capture.ToSampledResponse(c.Parser.StatusCode));
        if (reason is not null)
        {
            Stats.Violations++;
            if (Stats.ViolationMessages.Count < WorkerStats.MaxExamples)
            {
                Stats.ViolationMessages.Add(reason);
            }
        }
    }

    private void Fail(Connection c, LoadErrorKind kind, long now, string? detail)
    {
        _inFlight--;
        Stats.RecordError(Second(now), kind);
        if (detail is not null && Stats.ErrorExamples.Count < WorkerStats.MaxExamples && !Stats.ErrorExamples.Contains((kind, detail)))
        {
            Stats.ErrorExamples.Add((kind, detail));
        }

        Disconnect(c);
        c.Parser.Reset();
        c.Parser.EndCapture();
        c.Sampling = false;
        if (kind == LoadErrorKind.Connect)
        {
            c.State = ConnectionState.Backoff;
            c.WakeAt = now + EnginePlan.ConnectBackoffTicks;
            Wake(c.WakeAt);
            return;
        }

        c.State = ConnectionState.Idle;
        StartNext(c, now);
    }

    private static void Disconnect(Connection c)
    {
        if (c.Fd >= 0)
        {
            Libc.Close(c.Fd);
            c.Fd = -1;
        }
    }
}
