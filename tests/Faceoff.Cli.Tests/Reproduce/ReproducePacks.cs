using Faceoff.Campaign;
using Faceoff.Campaign.Storage;
using Faceoff.Cli.Tests.Compare;
using Faceoff.Protocol.Loading;
using Faceoff.Protocol.Model;
using Faceoff.Reporting;
using Faceoff.Testing;

namespace Faceoff.Cli.Tests.Reproduce;

/// <summary>Run directories shaped like a finished run's pack, for the reproduce verb's input handling.</summary>
internal static class ReproducePacks
{
    public static string Root { get; } = TestRepository.Root;

    /// <summary>The repository's default protocol, loaded as 'run' loads it.</summary>
    public static CampaignProtocol DefaultProtocol()
    {
        var loaded = ProtocolLoader.Load(new ProtocolLoadRequest(Path.Combine(Root, "protocols", "default.json")));
        return loaded.Protocol ?? throw new InvalidOperationException(string.Join("\n", loaded.Errors));
    }

    /// <summary>A report, the protocol as the runner writes it and a journal recording its hash, in <paramref name="directory"/>.</summary>
    public static string Write(string directory, CampaignProtocol protocol)
    {
        Directory.CreateDirectory(directory);
        CompareReports.Write(directory, PublicationFiles.Report, CompareReports.Build("original", CompareReports.Typical()));
        File.WriteAllText(Path.Combine(directory, CampaignRunner.ResolvedProtocolFile), ResolvedProtocol.ToJson(protocol));
        var hash = ResolvedProtocol.Hash(protocol, new Dictionary<string, string> { ["cpu_pinning"] = "off" });
        File.WriteAllText(Path.Combine(directory, RunStore.StateFileName), $$"""{ "run_id": "original", "protocol_hash": "{{hash}}" }""");
        return directory;
    }
}
