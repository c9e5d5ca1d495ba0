using System.Text.Json.Nodes;
using Faceoff.Testing;

namespace Faceoff.Campaign.Tests.EndToEnd;

/// <summary>protocols/default.json prepared for an end-to-end run.</summary>
internal static class DefaultProtocol
{
    /// <summary>
    /// The file as it is, except for free ports (other test projects use the default ones at the same time) and
    /// absolute paths: the ASP.NET app comes from the test build instead of build/apps. Ports are in pair order.
    /// </summary>
    public static (string Path, int[] Ports) CopyTo(string directory)
    {
        var text = File.ReadAllText(System.IO.Path.Combine(Repo.Root, "protocols", "default.json"))
            .Replace("{protocol_dir}/../build/apps/aspnet", Repo.AspNetBuild, StringComparison.Ordinal)
            .Replace("{protocol_dir}/..", Repo.Root, StringComparison.Ordinal);
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
        var path = System.IO.Path.Combine(directory, "default.json");
        File.WriteAllText(path, node.ToJsonString());
        return (path, [.. ports]);
    }
}
