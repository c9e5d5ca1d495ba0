using System.Globalization;
using Faceoff.Protocol.Model;
using Faceoff.Targets.Prepare;

namespace Faceoff.Hosts.Remote;

/// <summary>The machine facts of a host (CPU model, cores, memory, architecture, kernel, OS), as <see cref="SystemFacts"/> gives them locally.</summary>
public static class HostFacts
{
    private const string Script = """
        echo "model=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
        echo "cores=$(grep -c '^processor' /proc/cpuinfo)"
        echo "memory=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)"
        echo "arch=$(uname -m)"
        echo "kernel=$(cat /proc/sys/kernel/osrelease)"
        echo "os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")"
        """;

    /// <summary>Null with the reason when the host could not be asked; unreadable fields become "unknown".</summary>
    public static async Task<(MachineInfo? Machine, string? Error)> CollectAsync(IHost host, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.IsLocal)
        {
            return (SystemFacts.CollectMachine(), null);
        }

        var result = await host.RunAsync(Script, TimeSpan.FromSeconds(15), ct).ConfigureAwait(false);
        return result.Succeeded ? (Parse(result.Output), null) : (null, $"host '{host.Name}': reading machine facts failed: {result.Describe()}");
    }

    public static MachineInfo Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.Ordinal);
        string Get(string key) => values.TryGetValue(key, out var v) && v.Length > 0 ? v : SystemFacts.Unknown;
        return new MachineInfo(
            Get("model"),
            int.TryParse(Get("cores"), CultureInfo.InvariantCulture, out var cores) ? cores : 0,
            long.TryParse(Get("memory"), CultureInfo.InvariantCulture, out var memory) ? memory : 0,
            Get("kernel"),
            Get("os"),
            Architecture(Get("arch")));
    }

    // uname -m names, mapped to the names .NET's OSArchitecture uses locally, so facts compare across hosts.
    private static string Architecture(string machine) => machine switch
    {
        "x86_64" or "amd64" => "x64",
        "aarch64" or "arm64" => "arm64",
        "i386" or "i686" => "x86",
        "armv7l" => "arm",
        _ => machine,
    };
}
