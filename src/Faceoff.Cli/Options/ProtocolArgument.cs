using System.CommandLine;
using Faceoff.Protocol.Loading;
using Faceoff.Protocol.Model;
using Faceoff.Protocol.Overrides;

namespace Faceoff.Cli.Options;

/// <summary>The protocol file argument shared by the verbs that take a campaign.</summary>
internal static class ProtocolArgument
{
    /// <summary>The bundled campaign, relative to the repository root (where <c>./faceoff</c> runs).</summary>
    public const string DefaultProtocol = "protocols/default.json";

    private const string Description =
        "Campaign protocol file: schema v2 (e.g. protocols/default.json), or the seed's schema v1, which is mapped onto the base protocol.";

    /// <summary>A protocol the user must name (validate: checking "the default" by accident would hide a typo).</summary>
    public static Argument<string> Create() => new("protocol") { Description = Description };

    /// <summary>A protocol that defaults to the bundled campaign (run, parity).</summary>
    public static Argument<string> CreateWithDefault() => new("protocol")
    {
        Description = $"{Description} Default: {DefaultProtocol}.",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => DefaultProtocol,
    };

    /// <summary>
    /// The protocol at <paramref name="path"/> under <paramref name="resolution"/>, its notices written to
    /// <paramref name="error"/>; null (a usage error) after every located problem and a count are written there.
    /// </summary>
    public static CampaignProtocol? Load(string path, OverrideResolution resolution, TextWriter error)
    {
        var loaded = ProtocolLoader.Load(new ProtocolLoadRequest(path) { Overrides = resolution });
        foreach (var notice in loaded.Notices)
        {
            error.WriteLine($"notice: {notice}");
        }
        if (loaded.Protocol is null)
        {
            foreach (var problem in loaded.Errors)
            {
                error.WriteLine(problem.ToString());
            }
            var count = loaded.Errors.Length;
            error.WriteLine($"faceoff: {path} is not a valid protocol ({count} problem{(count == 1 ? "" : "s")})");
        }
        return loaded.Protocol;
    }
}
