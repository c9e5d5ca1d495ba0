using System.Collections.Immutable;
using System.Text;
using Faceoff.Parity.Http;

namespace Faceoff.Parity.Tests.Fixtures;

/// <summary>In-memory responses for check unit tests: no sockets, exact control over every byte and header.</summary>
public static class Responses
{
    public static WireResponse Make(int status, string? contentType, string body, params (string Name, string Value)[] headers) =>
        Make(status, contentType, body, "HTTP/1.1", headers);

    public static WireResponse Make(int status, string? contentType, string body, string version, params (string Name, string Value)[] headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var all = ImmutableArray.CreateBuilder<WireHeader>();
        if (contentType is not null)
        {
            all.Add(new WireHeader("Content-Type", contentType));
        }

        all.Add(new WireHeader("Content-Length", bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        all.Add(new WireHeader("Date", "Wed, 26 Nov 2025 14:00:00 GMT"));
        all.AddRange(headers.Select(h => new WireHeader(h.Name, h.Value)));
        return new WireResponse(version, status, "OK", all.ToImmutable(), bytes, TimeSpan.FromMilliseconds(1));
    }

    public static WireResponse Without(this WireResponse response, string header) =>
        response with { Headers = [.. response.Headers.Where(h => !h.Name.Equals(header, StringComparison.OrdinalIgnoreCase))] };

    public static ParityFinding Single(this IEnumerable<ParityFinding> findings, string check, ParityStatus status) =>
        Assert.Single(findings, f => f.Check == check && f.Status == status);
}
