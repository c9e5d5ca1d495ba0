using System.Diagnostics;

namespace Faceoff.Apps.Tests.Infrastructure;

/// <summary>
/// Last line of defence for "every started server dies": fixtures kill their own processes on
/// dispose, and whatever is still registered when the test host exits is killed here.
/// </summary>
internal static class ProcessReaper
{
    private static readonly HashSet<Process> Live = [];

    static ProcessReaper() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    public static void Track(Process process)
    {
        lock (Live)
        {
            Live.Add(process);
        }
    }

    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }

        lock (Live)
        {
            Live.Remove(process);
        }
    }

    private static void KillAll()
    {
        Process[] remaining;
        lock (Live)
        {
            remaining = [.. Live];
        }

        foreach (var process in remaining)
        {
            Kill(process);
        }
    }
}
