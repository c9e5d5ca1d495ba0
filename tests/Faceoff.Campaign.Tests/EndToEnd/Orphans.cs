namespace Faceoff.Campaign.Tests.EndToEnd;

/// <summary>Processes that mention a port on their command line: a server faceoff started and did not stop.</summary>
internal static class Orphans
{
    public static IReadOnlyList<string> Holding(params int[] ports)
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }
            string cmdline;
            try
            {
                cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            if (ports.Any(port => cmdline.Contains($":{port}", StringComparison.Ordinal) || cmdline.Contains($"--port {port}", StringComparison.Ordinal)))
            {
                found.Add($"{pid}: {cmdline.Trim()}");
            }
        }
        return found;
    }

    /// <summary>
    /// Polls until no process holds the ports or the limit passes. A server killed by its parent-death signal
    /// takes a moment to be reaped, so one look right after the kill would be a race, not a finding.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AfterSettlingAsync(TimeSpan limit, params int[] ports)
    {
        var deadline = DateTime.UtcNow + limit;
        var left = Holding(ports);
        while (left.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            left = Holding(ports);
        }
        return left;
    }
}
