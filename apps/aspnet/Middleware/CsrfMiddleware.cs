using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace Faceoff.RefApp.AspNet.Middleware;

/// <summary>Double-submit CSRF check: unsafe methods need an x-csrf-token header equal to the csrf cookie.</summary>
internal sealed class CsrfMiddleware(RequestDelegate next)
{
    private static readonly byte[] RejectedBody = Reply.Utf8("csrf token missing or invalid\n");

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var method = request.Method;
        var unsafeMethod = HttpMethods.IsPost(method) || HttpMethods.IsPut(method)
            || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
        if (unsafeMethod && !Matches(request.Headers["x-csrf-token"], request.Cookies[SessionSigner.CsrfCookie]))
        {
            return Reply.Text(context, StatusCodes.Status403Forbidden, RejectedBody);
        }

        return next(context);
    }

    // A header sent twice counts by its first value, as on the Python side.
    private static bool Matches(StringValues header, string? cookie) =>
        header.Count > 0 && !string.IsNullOrEmpty(header[0]) && !string.IsNullOrEmpty(cookie)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[0]!), Encoding.UTF8.GetBytes(cookie));
}
