namespace Faceoff.RefApp.AspNet.Middleware;

/// <summary>Adds the fixed security headers to every response (same names and values as the FastAPI app).</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private static readonly KeyValuePair<string, string>[] Headers =
    [
        new("content-security-policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'self'"),
        new("cross-origin-opener-policy", "same-origin"),
        new("cross-origin-resource-policy", "same-origin"),
        new("referrer-policy", "no-referrer"),
        new("x-content-type-options", "nosniff"),
        new("x-frame-options", "DENY"),
        new("x-permitted-cross-domain-policies", "none"),
    ];

    public Task InvokeAsync(HttpContext context)
    {
        // Set before the rest of the pipeline runs: nothing downstream clears headers, so even
        // short-circuit answers (403, 429) carry them without an OnStarting callback.
        var headers = context.Response.Headers;
        foreach (var (name, value) in Headers)
        {
            headers[name] = value;
        }

        return next(context);
    }
}
