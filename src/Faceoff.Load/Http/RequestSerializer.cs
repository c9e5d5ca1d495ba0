using System.Text;

namespace Faceoff.Load.Http;

/// <summary>Serializes the request once; every connection sends the same bytes.</summary>
internal static class RequestSerializer
{
    public static byte[] Serialize(LoadOptions options)
    {
        var url = options.Url;
        var text = new StringBuilder();
        text.Append(options.Method).Append(' ').Append(url.PathAndQuery).Append(" HTTP/1.1\r\n");
        if (!HasHeader(options, "Host"))
        {
            text.Append("Host: ").Append(url.Authority).Append("\r\n");
        }

        foreach (var (name, value) in options.Headers)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        var sendsLength = !options.Body.IsEmpty || options.Method is "POST" or "PUT" or "PATCH";
        if (sendsLength && !HasHeader(options, "Content-Length"))
        {
            text.Append("Content-Length: ").Append(options.Body.Length).Append("\r\n");
        }

        text.Append("\r\n");
        var head = Encoding.Latin1.GetBytes(text.ToString());
        var request = new byte[head.Length + options.Body.Length];
        head.CopyTo(request, 0);
        options.Body.Span.CopyTo(request.AsSpan(head.Length));
        return request;
    }

    private static bool HasHeader(LoadOptions options, string name) =>
        options.Headers.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
}
