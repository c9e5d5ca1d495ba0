using System.Collections.Immutable;
using Faceoff.Protocol.Model;

namespace Faceoff.Parity.Http;

/// <summary>A request as the parity gate puts it on the wire.</summary>
public sealed record WireRequest(
    string Method,
    string PathAndQuery,
    ImmutableDictionary<string, string> Headers,
    string? Body)
{
    public static WireRequest Get(string pathAndQuery) =>
        new("GET", pathAndQuery, ImmutableDictionary<string, string>.Empty, null);

    public static WireRequest For(ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new(scenario.Method, scenario.Path, scenario.Headers, scenario.Body);
    }
}

/// <summary>One response header exactly as received (name case and value preserved, surrounding whitespace trimmed).</summary>
public readonly record struct WireHeader(string Name, string Value);

/// <summary>
/// A response as received: status line, headers in arrival order and the exact body bytes
/// (de-chunked, never decompressed), so checks see what a client would see.
/// </summary>
/// <param name="HttpVersion">The version from the status line, e.g. <c>HTTP/1.1</c>.</param>
/// <param name="BodyReadToClose">True when the body had no length framing and ended only when the server closed the socket.</param>
public sealed record WireResponse(
    string HttpVersion,
    int Status,
    string Reason,
    ImmutableArray<WireHeader> Headers,
    ReadOnlyMemory<byte> Body,
    TimeSpan Elapsed,
    bool BodyReadToClose = false)
{
    public bool HasHeader(string name) => Headers.Any(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>All values of a header joined with ", " (RFC 9110 field combination), or null when absent.</summary>
    public string? Header(string name)
    {
        var values = Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        return values.Count == 0 ? null : string.Join(", ", values);
    }

    /// <summary>Whether the server lets the client send another request on this socket (RFC 9112 §9.3).</summary>
    public bool KeepsConnectionOpen
    {
        get
        {
            var tokens = (Header("Connection") ?? string.Empty)
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (BodyReadToClose || tokens.Contains("close", StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }

            return HttpVersion == "HTTP/1.1" || tokens.Contains("keep-alive", StringComparer.OrdinalIgnoreCase);
        }
    }
}

/// <summary>A response, or why there is none (refused, timed out, malformed). Never an exception: a dead server is a finding.</summary>
public sealed record WireOutcome(WireResponse? Response, string? Error)
{
    public static WireOutcome Failed(string error) => new(null, error);
}
