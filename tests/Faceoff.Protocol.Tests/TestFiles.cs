using Faceoff.Protocol.Loading;
using Faceoff.Protocol.Overrides;
using Faceoff.Testing;

namespace Faceoff.Protocol.Tests;

/// <summary>Paths into the repository and the shared reference data, and loading helpers for inline documents.</summary>
internal static class TestFiles
{
    public static readonly string RepoRoot = TestRepository.Root;

    public static string DefaultProtocol => Path.Combine(RepoRoot, "protocols", "default.json");

    public static string Schema => Path.Combine(RepoRoot, "protocols", "faceoff-protocol.schema.json");

    /// <summary>The seed's v1 campaign file, kept in the repository so a clone needs nothing beside it.</summary>
    public static string SeedV1Protocol => Path.Combine(RepoRoot, "protocols", "seed", "phased_baseline_campaign.json");

    /// <summary>Loads with no Arlen tree named (FACEOFF_ARLEN_HOME of the test process is not read) unless <paramref name="arlenHome"/> is given.</summary>
    public static ProtocolLoadResult Load(string path, OverrideInputs? inputs = null, string? searchFrom = null, string? arlenHome = null) =>
        ProtocolLoader.Load(new ProtocolLoadRequest(path)
        {
            Overrides = OverrideResolver.Resolve(inputs ?? OverrideInputs.None),
            BaseSearchStarts = [searchFrom ?? RepoRoot],
            ArlenHome = arlenHome,
        });

    /// <summary>Writes <paramref name="json"/> to a fresh temporary file and loads it.</summary>
    public static ProtocolLoadResult LoadText(string json, OverrideInputs? inputs = null, string? searchFrom = null) =>
        Load(WriteTemp(json), inputs, searchFrom);

    public static string WriteTemp(string json, string name = "protocol.json")
    {
        var directory = Directory.CreateTempSubdirectory("faceoff-protocol-tests-");
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllText(path, json);
        return path;
    }
}
