using System.Runtime.InteropServices;

namespace Faceoff.Targets.Native;

/// <summary>The libc calls .NET has no API for: sending SIGTERM, and per-thread CPU affinity.</summary>
internal static unsafe partial class Libc
{
    // glibc's "libc.so" is a linker script, so name the real shared object.
    private const string Lib = "libc.so.6";

    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    /// <summary>glibc's cpu_set_t: 1024 CPUs.</summary>
    public const int CpuSetWords = 16;

    private const int ScClkTck = 2;

    [LibraryImport(Lib, EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    /// <summary>pid/tid 0 means the calling thread.</summary>
    [LibraryImport(Lib, EntryPoint = "sched_setaffinity", SetLastError = true)]
    public static partial int SchedSetAffinity(int tid, nint size, ulong* mask);

    [LibraryImport(Lib, EntryPoint = "sched_getaffinity", SetLastError = true)]
    public static partial int SchedGetAffinity(int tid, nint size, ulong* mask);

    [LibraryImport(Lib, EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUserId();

    [LibraryImport(Lib, EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Chown(string path, uint owner, uint group);

    [LibraryImport(Lib, EntryPoint = "sysconf")]
    private static partial long SysConf(int name);

    /// <summary>Units of the CPU times in /proc/&lt;pid&gt;/stat.</summary>
    public static long ClockTicksPerSecond { get; } = SysConf(ScClkTck) is > 0 and var ticks ? ticks : 100;
}
