using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Faceoff.Testing;

namespace Faceoff.Hosts.Tests;

/// <summary>
/// <c>faceoff run</c> as a child process (the shared <see cref="CliProcess"/>) against the emulated hosts, with a
/// protocol written for them: two Node profiles (the same app, so parity passes) on <c>srv</c>, load from the given hosts.
/// </summary>
internal static class CampaignRun
{
    /// <summary>A password-like ssh option: it must never reach the pack.</summary>
    public const string Secret = "hunter2-hosts-redaction-check";

    /// <param name="scenarios">Fewer scenarios for a shorter campaign; both (healthz, api_status) by default.</param>
    public static string WriteProtocol(EmulatedHosts hosts, string directory, string[] loadHosts, int candidatePort, string? unreachable = null, string[]? scenarios = null)
    {
        scenarios ??= ["healthz", "api_status"];
        var node = Path.Combine(TestRepository.Root, "apps", "node", "server.js");
        var hostsNode = new JsonObject();
        foreach (var name in EmulatedHosts.Names)
        {
            hostsNode[name] = new JsonObject
            {
                ["kind"] = "ssh",
                ["user"] = "root",
                ["host"] = name == unreachable ? $"198.18.{hosts.Net}.99" : hosts.Address(name),
                ["identity_file"] = Path.Combine(hosts.StateDirectory, "client_key"),
                ["options"] = new JsonArray(
                    $"UserKnownHostsFile={Path.Combine(hosts.StateDirectory, "known_hosts")}", "StrictHostKeyChecking=yes", $"HostKeyAlias={name}",
                    $"SetEnv=FACEOFF_TEST_PASSWORD={Secret}"),
                ["work_dir"] = Path.Combine(hosts.StateDirectory, name, "work"),
            };
        }
        JsonObject Profile(string mode) => new() { ["framework"] = "node", ["env"] = new JsonObject { ["FACEOFF_APP_MODE"] = mode }, ["scenarios"] = new JsonArray([.. scenarios.Select(s => (JsonNode)s)]) };
        var protocol = new JsonObject
        {
            ["schema_version"] = 2,
            ["name"] = "hosts_test",
            ["host"] = "127.0.0.1",
            ["hosts"] = hostsNode,
            ["load_hosts"] = new JsonArray([.. loadHosts.Select(h => (JsonNode)h)]),
            ["frameworks"] = new JsonObject
            {
                ["node"] = new JsonObject
                {
                    ["display_name"] = "Node.js",
                    ["start"] = new JsonObject { ["command"] = "node", ["args"] = new JsonArray(node, "--host", "{host}", "--port", "{port}") },
                    ["readiness"] = new JsonObject { ["path"] = "/healthz", ["timeout_seconds"] = 30 },
                },
            },
            ["scenarios"] = Scenarios(scenarios),
            ["profiles"] = new JsonObject { ["node_a"] = Profile("plain"), ["node_b"] = Profile("plain") },
            ["pairs"] = new JsonArray(new JsonObject
            {
                ["name"] = "a_vs_b",
                ["candidate"] = "node_a",
                ["reference"] = "node_b",
                ["candidate_port"] = candidatePort,
                ["reference_port"] = candidatePort + 1,
                ["server_host"] = "srv",
            }),
            ["concurrency_ladder"] = new JsonArray(1, 8),
            ["warmup"] = new JsonObject { ["duration_seconds"] = 0.25, ["repeats"] = 1 },
            ["measured"] = new JsonObject { ["duration_seconds"] = 1, ["repeats"] = 3 },
            ["reproducibility"] = new JsonObject { ["max_cv_ratio"] = 0.4 },
            ["parity"] = new JsonObject { ["keepalive_scenario"] = "healthz" },
            ["comparison"] = new JsonObject { ["confidence_level"] = 0.95, ["equivalence_band"] = 0.05 },
        };
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "hosts-test.json");
        File.WriteAllText(path, protocol.ToJsonString());
        return path;
    }

    private static JsonObject Scenarios(string[] ids)
    {
        var all = new Dictionary<string, JsonObject>
        {
            ["healthz"] = new() { ["method"] = "GET", ["path"] = "/healthz", ["contract"] = new JsonObject { ["status"] = 200, ["media_type"] = "text/plain", ["exact_body"] = "ok\n" } },
            ["api_status"] = new() { ["method"] = "GET", ["path"] = "/api/status", ["contract"] = new JsonObject { ["status"] = 200, ["media_type"] = "application/json" } },
        };
        var chosen = new JsonObject();
        foreach (var id in ids)
        {
            chosen[id] = all[id];
        }
        return chosen;
    }

    /// <summary>faceoff from this build, running the emulated hosts' servers with <paramref name="binary"/> (the published CLI copied to them).</summary>
    public static CliProcess Start(string binary, params string[] args) =>
        CliProcess.StartWith(new Dictionary<string, string> { ["FACEOFF_BINARY"] = binary, ["FACEOFF_HOSTS_EMULATED"] = "1" }, TestRepository.Root, args);

    /// <summary>The single run directory under <paramref name="outputDirectory"/>.</summary>
    public static string RunDirectory(string outputDirectory) => Directory.GetDirectories(Path.Combine(outputDirectory, "runs")).Single();

    /// <summary>Whether any file of the pack (inside the compressed bundle too) contains <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> FilesContaining(string directory, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            byte[] bytes = File.ReadAllBytes(file);
            if (file.EndsWith(".gz", StringComparison.Ordinal))
            {
                using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
                using var plain = new MemoryStream();
                gzip.CopyTo(plain);
                bytes = plain.ToArray();
            }
            if (bytes.AsSpan().IndexOf(needle) >= 0)
            {
                found.Add(file);
            }
        }
        return found;
    }

    /// <summary>Pids listening on <paramref name="port"/> inside the host's namespace.</summary>
    public static async Task<IReadOnlyList<int>> ListenersAsync(EmulatedHosts hosts, string host, int port)
    {
        var info = new ProcessStartInfo("ip") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in (string[])["netns", "exec", $"{hosts.Prefix}-{host}", "ss", "-ltnpH", $"sport = :{port.ToString(CultureInfo.InvariantCulture)}"])
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return [.. System.Text.RegularExpressions.Regex.Matches(text, @"pid=(\d+)").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct()];
    }
}
