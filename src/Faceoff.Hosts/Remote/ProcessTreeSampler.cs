using System.Globalization;
using Faceoff.Hosts.Transport;
using Faceoff.Targets;

namespace Faceoff.Hosts.Remote;

/// <summary>
/// Reads a process tree's CPU time and memory from the host's /proc in one command, into the same
/// <see cref="ResourceSnapshot"/> local servers produce (CPU of every member, zombies included, plus what each
/// reaped; RSS and VmHWM of live members).
/// </summary>
public static class ProcessTreeSampler
{
    // Prints "T <clock ticks per second>", then "P pid state utime stime cutime cstime rss_kib hwm_kib" for the root
    // and every descendant. The command name in stat may hold spaces or ')', so fields are read after the last ')'.
    private const string Script = """
        root=$1
        echo "T $(getconf CLK_TCK)"
        cat /proc/[0-9]*/stat 2>/dev/null | awk -v root="$root" '
          { i = length($0); while (i > 0 && substr($0, i, 1) != ")") i--
            split(substr($0, i + 2), f, " "); pid = $1 + 0
            parent[pid] = f[2] + 0; line[pid] = pid " " f[1] " " f[12] " " f[13] " " f[14] " " f[15] }
          END { for (pid in line) { p = pid + 0; for (depth = 0; depth < 64 && p > 1 && p != root; depth++) p = parent[p]
                                    if (p == root) print line[pid] } }' |
        while read -r pid state ut st cut cst; do
          mem=$(awk '/^VmRSS:/ { r = $2 } /^VmHWM:/ { h = $2 } END { print r + 0, h + 0 }' "/proc/$pid/status" 2>/dev/null)
          echo "P $pid $state $ut $st $cut $cst ${mem:-0 0}"
        done
        """;

    public static string Command(int pid) => $"sh -c {Shell.Quote(Script)} faceoff-sample {pid.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Samples the tree rooted at <paramref name="pid"/> on <paramref name="host"/>; null with the reason when the command failed.</summary>
    public static async Task<(ResourceSnapshot? Snapshot, string? Error)> SampleAsync(IHost host, int pid, CancellationToken ct)
    {
        var result = await host.RunAsync(Command(pid), TimeSpan.FromSeconds(15), ct).ConfigureAwait(false);
        return result.Succeeded
            ? (Parse(result.Output, DateTimeOffset.UtcNow), null)
            : (null, $"host '{host.Name}': sampling pid {pid} failed: {result.Describe()}");
    }

    /// <summary>Parses the script's output (see the script for the line format).</summary>
    public static ResourceSnapshot Parse(string output, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(output);
        long ticksPerSecond = 100, ticks = 0, rss = 0, peak = 0;
        var live = 0;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f is ["T", var tck] && long.TryParse(tck, CultureInfo.InvariantCulture, out var t) && t > 0)
            {
                ticksPerSecond = t;
            }
            else if (f.Length == 9 && f[0] == "P")
            {
                ticks += L(f[3]) + L(f[4]) + L(f[5]) + L(f[6]);
                if (f[2] is not ("Z" or "X"))
                {
                    rss += L(f[7]);
                    peak += Math.Max(L(f[7]), L(f[8]));
                    live++;
                }
            }
        }

        return new ResourceSnapshot(at, ticks / (double)ticksPerSecond, rss, peak, live);
    }

    private static long L(string s) => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
