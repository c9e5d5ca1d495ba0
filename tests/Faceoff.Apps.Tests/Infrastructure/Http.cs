using System.Net;
using System.Text;

namespace Faceoff.Apps.Tests.Infrastructure;

/// <summary>What one request got back, with header values exactly as they came off the wire.</summary>
public sealed record Exchange(HttpStatusCode Status, string? ContentType, byte[] Body, IReadOnlyDictionary<string, string[]> Headers)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string[] Values(string name) => Headers.TryGetValue(name, out var values) ? values : [];

    public string? Header(string name) => Values(name) is [var single] ? single : null;
}

internal static class Http
{
    /// <summary>No proxy (the machine may set one), no cookie jar and no redirects: tests see raw answers.</summary>
    public static HttpClient NewClient(TimeSpan timeout) =>
        new(new SocketsHttpHandler { UseProxy = false, UseCookies = false, AllowAutoRedirect = false, ConnectTimeout = timeout })
        {
            Timeout = timeout,
        };

    public static async Task<Exchange> SendAsync(HttpClient client, RunningApp app, HttpMethod method, string pathAndQuery, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, new Uri(app.BaseUri, pathAndQuery));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        // NonValidated keeps the raw strings; the typed accessors would re-format them.
        var all = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            all[name.ToLowerInvariant()] = [.. values];
        }

        var contentType = all.TryGetValue("content-type", out var types) ? string.Join(", ", types) : null;
        return new Exchange(response.StatusCode, contentType, body, all);
    }

    public static Task<Exchange> GetAsync(HttpClient client, RunningApp app, string pathAndQuery, params (string Name, string Value)[] headers) =>
        SendAsync(client, app, HttpMethod.Get, pathAndQuery, headers);
}
