using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Faceoff.Targets;

/// <summary>
/// Every live server of this process, so that none outlives faceoff. On SIGINT, SIGTERM, SIGQUIT, SIGHUP, normal exit and an
/// unhandled exception every registered tree is SIGKILLed. SIGKILL of faceoff itself is covered at launch
/// instead (parent-death signal and an orphan watchdog, see <see cref="ServerLauncher"/>).
/// </summary>
/// <remarks>
/// The signal handlers do not cancel the signal: whoever else handles Ctrl-C (the CLI, to write a partial
/// report) still runs, and the servers are already gone by then.
/// </remarks>
public static class ServerRegistry
{
    private static readonly ConcurrentDictionary<IKillOnExit, byte> Live = new();
    private static readonly Lazy<PosixSignalRegistration[]> Hooks = new(Install);

    /// <summary>Servers started and not yet stopped.</summary>
    public static int Count => Live.Count;

    /// <summary>SIGKILLs every registered server tree now, without a grace period.</summary>
    public static void KillAll()
    {
        foreach (var server in Live.Keys)
        {
            server.KillImmediately();
        }
    }

    internal static void Register(IKillOnExit server)
    {
        _ = Hooks.Value;
        Live[server] = 0;
    }

    internal static void Unregister(IKillOnExit server) => Live.TryRemove(server, out _);

    private static PosixSignalRegistration[] Install()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => KillAll();
        return
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => KillAll()),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => KillAll()),
            PosixSignalRegistration.Create(PosixSignal.SIGQUIT, _ => KillAll()),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => KillAll()),
        ];
    }
}

/// <summary>A process tree faceoff started (a server, a database) that the exit handlers must kill.</summary>
internal interface IKillOnExit
{
    /// <summary>Synchronous, no grace: runs from signal and exit handlers.</summary>
    void KillImmediately();
}
