using System.Collections.Immutable;
using System.Reflection;
using Faceoff.Protocol.Loading;
using Faceoff.Protocol.Model;
using Faceoff.Targets.Prepare;
using Faceoff.Testing;

namespace Faceoff.Parity.Tests.Fixtures;

/// <summary>Loads a protocol file with the real loader and prepares it with Targets, adjusted so tests can run side by side.</summary>
public static class GateSetup
{
    public static string RepoRoot { get; } = Metadata("Faceoff.RepoRoot");

    /// <summary>The reference app as the test project's build left it (built once, before any test).</summary>
    public static string AspNetDll { get; } = Metadata("Faceoff.AspNetAppDll");

    public static string ProtocolPath(params string[] relative) => Path.Combine([RepoRoot, .. relative]);

    /// <summary>
    /// The protocol with every pair on free ports (tests run in parallel with other suites that use the fixed ones)
    /// and the ASP.NET app started from the test build instead of the campaign's build directory.
    /// </summary>
    public static CampaignProtocol Load(string path)
    {
        var result = ProtocolLoader.Load(new ProtocolLoadRequest(path));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var protocol = result.Protocol!;
        var frameworks = protocol.Frameworks.ToImmutableDictionary(
            kv => kv.Key,
            kv => kv.Value with { Start = kv.Value.Start with { Args = [.. kv.Value.Start.Args.Select(UseTestBuild)] } });
        return protocol with
        {
            Frameworks = frameworks,
            Pairs = [.. protocol.Pairs.Select(p => p with { CandidatePort = FreePort.Get(), ReferencePort = FreePort.Get() })],
        };
    }

    /// <summary>Resolves {python} through Targets' prepare; no builds (done already) and no venv creation (no network).</summary>
    public static async Task<PreparedEnvironment> PrepareAsync(CampaignProtocol protocol, string logDirectory)
    {
        var options = new PrepareOptions(Path.GetDirectoryName(protocol.SourcePath)!, logDirectory) { SkipBuild = true, CreateVenvIfMissing = false };
        var prepared = await new EnvironmentPreparer().PrepareAsync(protocol.Frameworks.Values.OrderBy(f => f.Id, StringComparer.Ordinal), options, CancellationToken.None);
        Assert.True(prepared.Succeeded, prepared.Failure);
        return prepared.Environment!;
    }

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "faceoff-parity-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string UseTestBuild(string arg) =>
        arg.EndsWith("faceoff-refapp-aspnet.dll", StringComparison.Ordinal) ? AspNetDll : arg;

    private static string Metadata(string key) =>
        typeof(GateSetup).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
