using Faceoff.RefApp.AspNet.Middleware;

namespace Faceoff.RefApp.AspNet;

/// <summary>
/// Builds the middleware stack for the chosen mode, outermost first, mirroring the order in
/// apps/fastapi/app.py. Routing is added explicitly last so every middleware runs before endpoint
/// matching, as Starlette's middleware runs before its router.
/// </summary>
internal static class Pipeline
{
    public static void Compose(WebApplication app, AppSettings settings)
    {
        if (settings.CrashAfter > 0)
        {
            app.Use(next => new CrashAfterMiddleware(next, settings.CrashAfter).InvokeAsync);
        }

        switch (settings.Mode)
        {
            case AppMode.Constrained:
                app.Use(next => new InflightLimitMiddleware(next, settings.MaxInflight).InvokeAsync);
                break;
            case AppMode.MiddlewareHeavy:
                var signer = new SessionSigner(settings.SessionKey);
                app.Use(next => new SecurityHeadersMiddleware(next).InvokeAsync);
                app.Use(next => new TracingMiddleware(next).InvokeAsync);
                app.Use(next => new RateLimitMiddleware(next, settings.RateLimitPerSecond).InvokeAsync);
                app.Use(next => new SessionMiddleware(next, signer).InvokeAsync);
                app.Use(next => new CsrfMiddleware(next).InvokeAsync);
                break;
            case AppMode.Plain:
                break;
        }

        app.UseRouting();
    }
}
