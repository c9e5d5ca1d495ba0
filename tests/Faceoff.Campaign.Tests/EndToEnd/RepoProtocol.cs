using System.Text.Json.Nodes;
using Faceoff.Testing;

namespace Faceoff.Campaign.Tests.EndToEnd;

/// <summary>A protocol shipped in the repository, prepared for an end-to-end run.</summary>
internal static class RepoProtocol
{
    public const string Default = "protocols/default.json";

    public const string NodeExample = "protocols/examples/node-vs-fastapi.json";

    /// <summary>
    /// The file as it is, except for free ports (other test projects use the protocol's ports at the same time) and
    /// absolute paths: the ASP.NET app comes from the test build instead of build/apps. Ports are in pair order.
    /// </summary>
    public static (string Path, int[] Ports) CopyTo(string directory, string relativePath = Default)
    {
        var source = System.IO.Path.Combine(Repo.Root, relativePath);
        var text = File.ReadAllText(source)
            .Replace("{protocol_dir}/../build/apps/aspnet", Repo.AspNetBuild, StringComparison.Ordinal)
            .Replace("{protocol_dir}", System.IO.Path.GetDirectoryName(source), StringComparison.Ordinal);
        var node = JsonNode.Parse(text)!;
        var ports = new List<int>();
        foreach (var pair in node["pairs"]!.AsArray())
        {
            foreach (var side in new[] { "candidate_port", "reference_port" })
            {
                var port = FreePort.Get();
                pair![side] = port;
                ports.Add(port);
            }
        }
        var path = System.IO.Path.Combine(directory, System.IO.Path.GetFileName(source));
        File.WriteAllText(path, node.ToJsonString());
        return (path, [.. ports]);
    }
}
