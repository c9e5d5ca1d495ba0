namespace Faceoff.RefApp.AspNet.Middleware;

/// <summary>
/// Constrained mode: at most <c>maxInflight</c> requests are processed at once; the rest are
/// refused at once with 503 instead of queueing, and capacity returns as each request finishes.
/// </summary>
internal sealed class InflightLimitMiddleware(RequestDelegate next, int maxInflight)
{
    private static readonly byte[] OverloadedBody = Reply.Utf8("overloaded\n");
    private int _inflight;

    public async Task InvokeAsync(HttpContext context)
    {
        if (Interlocked.Increment(ref _inflight) > maxInflight)
        {
            Interlocked.Decrement(ref _inflight);
            context.Response.Headers["x-overload-reason"] = "max-inflight";
            await Reply.Text(context, StatusCodes.Status503ServiceUnavailable, OverloadedBody).ConfigureAwait(false);
            return;
        }

        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inflight);
        }
    }
}
