using System.CommandLine;

namespace Faceoff.Cli.Options;

/// <summary>The protocol file argument shared by the verbs that take a campaign.</summary>
internal static class ProtocolArgument
{
    public static Argument<string> Create() => new("protocol")
    {
        Description = "Campaign protocol file: schema v2 (e.g. protocols/default.json), or the seed's schema v1, which is mapped onto the base protocol.",
    };
}
