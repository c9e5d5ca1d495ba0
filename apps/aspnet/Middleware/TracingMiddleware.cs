using Microsoft.Extensions.Primitives;

namespace Faceoff.RefApp.AspNet.Middleware;

/// <summary>
/// Request tracing headers: x-request-id, x-correlation-id, x-trace-id and W3C traceparent are
/// echoed when the request carries them and generated when it does not. Rules (shared with the
/// FastAPI app): correlation id defaults to the request id; trace id defaults to the incoming
/// traceparent's trace id, else a new one; an invalid incoming traceparent is replaced.
/// </summary>
internal sealed class TracingMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers;
        var requestId = First(incoming["x-request-id"]) ?? Ids.NewHex(16);
        var correlationId = First(incoming["x-correlation-id"]) ?? requestId;
        var parent = First(incoming["traceparent"]);
        if (parent is not null && !IsTraceparent(parent))
        {
            parent = null;
        }

        var traceId = First(incoming["x-trace-id"]) ?? parent?.Substring(3, 32) ?? Ids.NewHex(16);
        if (parent is null)
        {
            var parentTraceId = Ids.IsLowerHex(traceId, 32) ? traceId : Ids.NewHex(16);
            parent = $"00-{parentTraceId}-{Ids.NewHex(8)}-01";
        }

        var outgoing = context.Response.Headers;
        outgoing["x-request-id"] = requestId;
        outgoing["x-correlation-id"] = correlationId;
        outgoing["x-trace-id"] = traceId;
        outgoing["traceparent"] = parent;
        return next(context);
    }

    // A header sent twice counts by its first value; an empty value counts as absent.
    private static string? First(StringValues values) => values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    /// <summary>version "00", 32-hex trace id, 16-hex parent id, 2-hex flags, all lowercase.</summary>
    internal static bool IsTraceparent(string value) =>
        value.Length == 55 && value.StartsWith("00-", StringComparison.Ordinal)
        && value[35] == '-' && value[52] == '-'
        && Ids.IsLowerHex(value.AsSpan(3, 32), 32)
        && Ids.IsLowerHex(value.AsSpan(36, 16), 16)
        && Ids.IsLowerHex(value.AsSpan(53, 2), 2);
}
