using System.Diagnostics;
using System.Runtime.CompilerServices;
using Faceoff.Load.Http;
using Faceoff.Load.Native;

namespace Faceoff.Load.Engine;

/// <summary>
/// One worker thread: its own epoll loop over its own non-blocking connections (wrk's design). Nothing
/// is shared with other workers while running, and nothing is allocated per request.
/// The hot methods are marked AggressiveOptimization: compiled fully optimised at once, a short run is not
/// partly measured with tier-0 code (the generator's own warm-up would pass for the server's slowness).
/// </summary>
internal sealed partial class Worker : IDisposable
{
    private const int WarmupResponses = 1000;
    private const int MaxWaitMs = 50;

    private readonly EnginePlan _plan;
    private readonly Connection[] _connections;
    private readonly byte[] _receiveBuffer = GC.AllocateArray<byte>(64 * 1024, pinned: true);
    private readonly Epoll _epoll;
    private long _budget;
    private int _inFlight;
    private long _nextTimer;
    private readonly SamplingSchedule _sampling;
    private long _allocationMark = -1;
    private volatile bool _stopRequested;

    public Worker(EnginePlan plan, int firstGlobalIndex, int connectionCount, long budget)
    {
        _plan = plan;
        _budget = budget;
        _sampling = new SamplingSchedule(plan, connectionCount, budget);
        _connections = new Connection[connectionCount];
        for (var i = 0; i < connectionCount; i++)
        {
            _connections[i] = new Connection(i, firstGlobalIndex + i, new HttpResponseParser(plan.NoBody, plan.MaxHeaderBytes));
        }

        Stats = new WorkerStats(plan.OpenLoop, plan.InitialSeconds);
        _epoll = new Epoll(Math.Clamp(connectionCount, 16, 1024));
    }

    public WorkerStats Stats { get; }

    /// <summary>True when the run ended at its hard deadline with requests still in flight.</summary>
    public bool HitHardDeadline { get; private set; }

    public Exception? Failure { get; private set; }

    /// <summary>Asks the loop to stop at its next wake-up (at most <see cref="MaxWaitMs"/> later).</summary>
    public void RequestStop() => _stopRequested = true;

    public void Run()
    {
        try
        {
            Loop();
        }
        catch (Exception ex)
        {
            // A worker must never take the process down; the engine rethrows this after joining all workers.
            Failure = ex;
        }
        finally
        {
            foreach (var c in _connections)
            {
                Disconnect(c);
            }
        }
    }

    /// <summary>Releases the epoll instance; call after the worker thread has ended.</summary>
    public void Dispose() => _epoll.Dispose();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Loop()
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var c in _connections)
        {
            if (_plan.OpenLoop)
            {
                // Stagger connections so the whole run is one even stream at the requested rate.
                c.FirstIntended = _plan.Start + (c.GlobalIndex * _plan.IntervalTicks / _plan.TotalConnections);
                c.NextIntended = c.FirstIntended;
            }
        }

        _nextTimer = now;
        while (true)
        {
            now = Stopwatch.GetTimestamp();
            if (_stopRequested || now >= _plan.HardDeadline)
            {
                HitHardDeadline = !_stopRequested && _inFlight > 0;
                AbandonInFlight(now);
                break;
            }

            var sending = CanStart(now);
            if (!sending && _inFlight == 0)
            {
                break;
            }

            if (now >= _nextTimer)
            {
                _nextTimer = ScanTimers(now);
                continue;
            }

            var n = _epoll.Wait(WaitMs(now, sending));
            now = Stopwatch.GetTimestamp();
            for (var i = 0; i < n; i++)
            {
                Dispatch(_connections[(int)_epoll.DataAt(i)], _epoll.EventsAt(i), now);
            }
        }

        if (_allocationMark >= 0)
        {
            Stats.SteadyStateAllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - _allocationMark;
        }

        CountMissedSends(Math.Min(now, _plan.SendEnd));
    }

    private bool CanStart(long now) => _budget > 0 && now < _plan.SendEnd;

    private int WaitMs(long now, bool sending)
    {
        var target = Math.Min(_nextTimer, _plan.HardDeadline);
        if (sending)
        {
            target = Math.Min(target, _plan.SendEnd);
        }

        var ticks = target - now;
        if (ticks <= 0)
        {
            return 0;
        }

        // Round up: waking early would only spin; waking up to 1 ms late is what epoll's resolution allows.
        var ms = (ticks + (Stopwatch.Frequency / 1000) - 1) / (Stopwatch.Frequency / 1000);
        return (int)Math.Min(ms, MaxWaitMs);
    }

    /// <summary>Fires due timeouts, back-offs and open-loop sends; returns the next time anything is due.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long ScanTimers(long now)
    {
        foreach (var c in _connections)
        {
            if (c.InFlight && now >= c.Deadline)
            {
                Fail(c, LoadErrorKind.Timeout, now, null);
            }
            else if (c.State == ConnectionState.Backoff && now >= c.WakeAt)
            {
                c.State = ConnectionState.Idle;
                StartNext(c, now);
            }
            else if (c.State == ConnectionState.Idle)
            {
                StartNext(c, now);
            }
        }

        var next = long.MaxValue;
        var starting = CanStart(now);
        foreach (var c in _connections)
        {
            next = Math.Min(next, WakeTime(c, starting));
        }

        return next;
    }

    private long WakeTime(Connection c, bool starting) => c.State switch
    {
        ConnectionState.Backoff => c.WakeAt,
        ConnectionState.Idle => _plan.OpenLoop && starting ? c.NextIntended : long.MaxValue,
        _ => c.Deadline,
    };

    private void Wake(long at)
    {
        if (at < _nextTimer)
        {
            _nextTimer = at;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Dispatch(Connection c, uint events, long now)
    {
        switch (c.State)
        {
            case ConnectionState.Connecting:
                OnConnectReady(c, now);
                break;
            case ConnectionState.Sending:
                if ((events & (Epoll.Out | Epoll.Err | Epoll.Hup)) != 0)
                {
                    Send(c, now);
                }

                // A failed send may already have moved the connection on to a new socket (state Connecting).
                if ((events & (Epoll.In | Epoll.RdHup | Epoll.Hup | Epoll.Err)) != 0
                    && c.State is ConnectionState.Sending or ConnectionState.Receiving)
                {
                    Receive(c, events, now);
                }

                break;
            case ConnectionState.Receiving:
                if ((events & (Epoll.In | Epoll.RdHup | Epoll.Hup | Epoll.Err)) != 0)
                {
                    Receive(c, events, now);
                }

                break;
            default:
                // Idle: the server closed a kept-alive connection or sent bytes nobody asked for.
                if ((events & (Epoll.In | Epoll.RdHup | Epoll.Hup | Epoll.Err)) != 0)
                {
                    Disconnect(c);
                }

                break;
        }
    }

    private void AbandonInFlight(long now)
    {
        foreach (var c in _connections)
        {
            if (c.InFlight)
            {
                _inFlight--;
                Stats.RecordError(Second(now), LoadErrorKind.Cancelled);
                c.State = ConnectionState.Idle;
                Disconnect(c);
            }
        }
    }

    private void CountMissedSends(long end)
    {
        if (!_plan.OpenLoop || _plan.SendEnd == long.MaxValue)
        {
            return;
        }

        foreach (var c in _connections)
        {
            if (c.FirstIntended < end)
            {
                var due = ((end - 1 - c.FirstIntended) / _plan.IntervalTicks) + 1;
                Stats.MissedSends += Math.Max(0, due - c.Sent);
            }
        }
    }

    private int Second(long now) => (int)((now - _plan.Start) / Stopwatch.Frequency);

    private static long Micros(long ticks) => (long)(ticks * EnginePlan.MicrosPerTick);

    private void MarkWarm()
    {
        if (_allocationMark < 0 && Stats.Completed >= WarmupResponses)
        {
            _allocationMark = GC.GetAllocatedBytesForCurrentThread();
        }
    }
}
