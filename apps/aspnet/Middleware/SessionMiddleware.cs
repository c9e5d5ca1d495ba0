namespace Faceoff.RefApp.AspNet.Middleware;

/// <summary>Issues a new signed session (and its CSRF cookie) whenever the request has no valid session cookie.</summary>
internal sealed class SessionMiddleware(RequestDelegate next, SessionSigner signer)
{
    public Task InvokeAsync(HttpContext context)
    {
        var presented = context.Request.Cookies[SessionSigner.SessionCookie];
        if (presented is null || !signer.IsValid(presented))
        {
            var sessionId = Ids.NewHex(16);
            var headers = context.Response.Headers;
            headers.Append("set-cookie", $"{SessionSigner.SessionCookie}={signer.SignedValue(sessionId)}; Path=/; HttpOnly; SameSite=Lax");
            headers.Append("set-cookie", $"{SessionSigner.CsrfCookie}={signer.CsrfToken(sessionId)}; Path=/; SameSite=Lax");
        }

        return next(context);
    }
}
