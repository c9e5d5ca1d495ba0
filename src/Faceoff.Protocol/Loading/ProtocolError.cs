using Faceoff.Protocol.Json;

namespace Faceoff.Protocol.Loading;

/// <summary>
/// One problem with a protocol file or an override, located precisely enough to fix without searching.
/// <see cref="Line"/> is 0 when the problem has no position in a file (an unreadable file, an environment variable).
/// </summary>
/// <param name="File">The file as the user named it, or <c>environment</c> / <c>command line</c> for overrides.</param>
/// <param name="JsonPath">Where in the document, e.g. <c>$.pairs[1].candidate</c>.</param>
public sealed record ProtocolError(string File, int Line, int Column, string JsonPath, string Message)
{
    public static ProtocolError At(SourceSpot spot, string message) =>
        new(spot.File, spot.Line, spot.Column, spot.Path, message);

    /// <summary><c>protocols/x.json:12:7: $.pairs[0].candidate_port: expected an integer 1-65535, got "abc"</c>.</summary>
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}: {JsonPath}: {Message}" : $"{File}: {JsonPath}: {Message}";
}
