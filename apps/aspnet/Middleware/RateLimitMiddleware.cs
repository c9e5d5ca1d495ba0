using System.Collections.Concurrent;
using System.Net;

namespace Faceoff.RefApp.AspNet.Middleware;

/// <summary>
/// Fixed one-second window per client IP. The default limit (1,000,000/s) never trips in a
/// benchmark; the middleware exists so both apps pay for the bookkeeping on every request.
/// </summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, int limitPerSecond)
{
    // Bound the table so a client-address scan cannot grow it without limit.
    private const int PruneAbove = 4096;
    private static readonly byte[] LimitedBody = Reply.Utf8("rate limited\n");
    private readonly ConcurrentDictionary<IPAddress, FixedWindow> _windows = new();

    public Task InvokeAsync(HttpContext context)
    {
        var window = Window(context.Connection.RemoteIpAddress ?? IPAddress.None);
        if (window.TryAcquire(Environment.TickCount64 / 1000, limitPerSecond))
        {
            return next(context);
        }

        context.Response.Headers["retry-after"] = "1";
        return Reply.Text(context, StatusCodes.Status429TooManyRequests, LimitedBody);
    }

    private FixedWindow Window(IPAddress client)
    {
        if (_windows.TryGetValue(client, out var window))
        {
            return window;
        }

        if (_windows.Count >= PruneAbove)
        {
            var current = Environment.TickCount64 / 1000;
            foreach (var (address, stale) in _windows)
            {
                if (!stale.IsIn(current))
                {
                    _windows.TryRemove(address, out _);
                }
            }
        }

        return _windows.GetOrAdd(client, static _ => new FixedWindow());
    }

    /// <summary>Window number and count packed in one long so a request costs one compare-exchange, not a lock.</summary>
    private sealed class FixedWindow
    {
        private long _state;

        public bool IsIn(long window) => Volatile.Read(ref _state) >> 32 == window;

        public bool TryAcquire(long window, int limit)
        {
            while (true)
            {
                var state = Volatile.Read(ref _state);
                var count = state >> 32 == window ? (int)(state & uint.MaxValue) + 1 : 1;
                if (count > limit)
                {
                    return false;
                }

                if (Interlocked.CompareExchange(ref _state, (window << 32) | (uint)count, state) == state)
                {
                    return true;
                }
            }
        }
    }
}
