using Faceoff.Targets.Native;
using Faceoff.Targets.Processes;

namespace Faceoff.Targets.Tests.Support;

/// <summary>Process facts straight from /proc, independent of the code under test's bookkeeping.</summary>
internal static class Procs
{
    /// <summary>Remembers each pid with its start time so a recycled pid is never mistaken for a survivor.</summary>
    public static List<ProcStat> Identify(IEnumerable<int> pids) =>
        [.. pids.Select(ProcFs.ReadStat).OfType<ProcStat>()];

    public static bool IsAlive(ProcStat process) =>
        ProcFs.ReadStat(process.Pid) is { } now && now.StartTime == process.StartTime && !now.IsZombie;

    /// <summary>Waits (bounded, generously) until none is alive; returns the survivors.</summary>
    public static async Task<List<ProcStat>> WaitAllGoneAsync(IReadOnlyCollection<ProcStat> processes, double seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var alive = processes.Where(IsAlive).ToList();
            if (alive.Count == 0 || DateTime.UtcNow > deadline)
            {
                return alive;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Last-resort cleanup so a failing test leaves nothing behind.</summary>
    public static void KillSurvivors(IEnumerable<ProcStat> processes)
    {
        foreach (var process in processes.Where(IsAlive))
        {
            Libc.Kill(process.Pid, Libc.SigKill);
        }
    }

    /// <summary>Live processes whose command line contains <paramref name="marker"/>.</summary>
    public static List<ProcStat> WithMarker(string marker)
    {
        var found = new List<ProcStat>();
        foreach (var stat in ProcFs.ReadAll().Where(s => !s.IsZombie))
        {
            try
            {
                if (File.ReadAllText($"/proc/{stat.Pid}/cmdline").Contains(marker, StringComparison.Ordinal))
                {
                    found.Add(stat);
                }
            }
            catch (IOException)
            {
            }
        }

        return found;
    }

    /// <summary>Polls <paramref name="condition"/> up to a generous bound; true as soon as it holds.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, double seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
