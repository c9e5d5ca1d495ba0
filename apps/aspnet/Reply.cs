using System.Buffers;
using System.Text;

namespace Faceoff.RefApp.AspNet;

/// <summary>
/// Writes a complete, pre-rendered body with an explicit Content-Length. Uvicorn always sends
/// Content-Length, so doing the same here keeps the wire framing equal (no chunked encoding).
/// </summary>
internal static class Reply
{
    public const string TextPlain = "text/plain; charset=utf-8";
    public const string TextHtml = "text/html; charset=utf-8";

    // Starlette's JSONResponse sends exactly this, without a charset parameter.
    public const string Json = "application/json";

    public static Task Send(HttpContext context, int status, string contentType, ReadOnlySpan<byte> body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        // Buffered into the pipe; Kestrel flushes when the request delegate completes.
        response.BodyWriter.Write(body);
        return Task.CompletedTask;
    }

    public static Task Text(HttpContext context, int status, ReadOnlySpan<byte> body) =>
        Send(context, status, TextPlain, body);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
