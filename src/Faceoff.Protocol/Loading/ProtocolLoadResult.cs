using System.Collections.Immutable;
using Faceoff.Protocol.Model;

namespace Faceoff.Protocol.Loading;

/// <summary>A loaded protocol, or every problem that prevented it; notices (e.g. a deprecated alias was used) either way.</summary>
public sealed record ProtocolLoadResult
{
    private ProtocolLoadResult(CampaignProtocol? protocol, ImmutableArray<ProtocolError> errors, ImmutableArray<string> notices)
    {
        Protocol = protocol;
        Errors = errors;
        Notices = notices;
    }

    public CampaignProtocol? Protocol { get; }

    /// <summary>In the order they were found: file order first, then cross-reference checks.</summary>
    public ImmutableArray<ProtocolError> Errors { get; }

    /// <summary>One-line messages the caller should show, e.g. that a seed-era environment variable was used.</summary>
    public ImmutableArray<string> Notices { get; }

    public bool Succeeded => Protocol is not null;

    public static ProtocolLoadResult Success(CampaignProtocol protocol, ImmutableArray<string> notices) =>
        new(protocol, [], notices);

    public static ProtocolLoadResult Failure(IEnumerable<ProtocolError> errors, ImmutableArray<string> notices) =>
        new(null, [.. errors], notices);
}
