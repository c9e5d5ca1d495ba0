using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Faceoff.Protocol.Overrides;
using Faceoff.Targets.Native;
using Faceoff.Targets.Processes;

namespace Faceoff.Targets;

/// <summary>The outcome of pinning a process: the CPUs now allowed, or why pinning failed.</summary>
/// <param name="Allowed">The kernel's Cpus_allowed_list after pinning, e.g. <c>"0-1"</c>.</param>
public sealed record PinResult(string Requested, string? Allowed, string? Failure)
{
    public bool Succeeded => Failure is null;
}

/// <summary>Pinning of servers and of faceoff itself to a CPU list (read and written by <see cref="CpuList"/>).</summary>
public static unsafe class CpuAffinity
{
    /// <summary>Parses a CPU list and checks every CPU is online.</summary>
    public static bool TryParse(string list, out ImmutableArray<int> cpus, out string? error)
    {
        cpus = [];
        if (CpuList.Parse(list) is not { } parsed)
        {
            error = $"'{list}' is not a CPU list (expected e.g. \"0\", \"0-1\" or \"0,2-3\")";
            return false;
        }

        var online = Online();
        var offline = parsed.Where(cpu => !online.Contains(cpu) || cpu >= Libc.CpuSetWords * 64).ToList();
        if (offline.Count > 0)
        {
            error = $"CPU list '{list}' names CPUs this machine does not have online: {CpuList.Format(offline)} (online: {CpuList.Format(online)})";
            return false;
        }

        cpus = parsed;
        error = null;
        return true;
    }

    /// <summary>The CPUs a process may run on (its main thread's Cpus_allowed_list), or null if it is gone.</summary>
    public static string? AllowedCpus(int pid) => ProcFs.StatusField(pid, "Cpus_allowed_list");

    /// <summary>
    /// Pins every thread of this process (the load engine). Threads created later inherit the affinity of the
    /// thread that creates them, and all of those are pinned, so the whole process stays on the list.
    /// </summary>
    public static PinResult PinCurrentProcess(string cpuList)
    {
        if (!TryParse(cpuList, out var cpus, out var error))
        {
            return new PinResult(cpuList, null, error);
        }

        var mask = ToMask(cpus);
        // Two passes: a thread created during the first pass by a not-yet-pinned thread is caught by the second.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc/self/task"))
            {
                if (int.TryParse(Path.GetFileName(dir), out var tid))
                {
                    // A thread that exited since the listing fails with ESRCH; nothing to pin.
                    fixed (ulong* bits = mask)
                    {
                        Libc.SchedSetAffinity(tid, mask.Length * sizeof(ulong), bits);
                    }
                }
            }
        }

        var allowed = AllowedCpus(Environment.ProcessId);
        return allowed == CpuList.Format(cpus)
            ? new PinResult(cpuList, allowed, null)
            : new PinResult(cpuList, allowed, $"pinning to '{cpuList}' did not take effect (allowed: {allowed})");
    }

    /// <summary>
    /// Runs <paramref name="action"/> with the calling thread pinned, then restores it. A child forked inside
    /// inherits the pinning from its first instruction, so no thread of the server ever runs elsewhere.
    /// </summary>
    internal static T WithThreadAffinity<T>(ImmutableArray<int> cpus, Func<T> action)
    {
        var saved = new ulong[Libc.CpuSetWords];
        var mask = ToMask(cpus);
        fixed (ulong* old = saved)
        fixed (ulong* bits = mask)
        {
            if (Libc.SchedGetAffinity(0, saved.Length * sizeof(ulong), old) != 0
                || Libc.SchedSetAffinity(0, mask.Length * sizeof(ulong), bits) != 0)
            {
                throw new InvalidOperationException($"sched_setaffinity failed (errno {Marshal.GetLastPInvokeError()})");
            }

            try
            {
                return action();
            }
            finally
            {
                Libc.SchedSetAffinity(0, saved.Length * sizeof(ulong), old);
            }
        }
    }

    private static ulong[] ToMask(ImmutableArray<int> cpus)
    {
        var mask = new ulong[Libc.CpuSetWords];
        foreach (var cpu in cpus)
        {
            mask[cpu / 64] |= 1UL << (cpu % 64);
        }

        return mask;
    }

    private static HashSet<int> Online()
    {
        try
        {
            if (CpuList.Parse(File.ReadAllText("/sys/devices/system/cpu/online").Trim()) is { } online)
            {
                return [.. online];
            }
        }
        catch (IOException)
        {
        }

        return [.. Enumerable.Range(0, Environment.ProcessorCount)];
    }
}
