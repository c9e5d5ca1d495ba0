using System.ComponentModel;
using System.Diagnostics;

namespace Faceoff.Targets.Processes;

/// <summary>
/// Covers the one exit no handler sees, SIGKILL of faceoff. A bash process in its own session reads
/// "add PGID"/"del PGID" lines from a pipe whose only writer is faceoff; when faceoff dies for any reason the
/// kernel closes the pipe, the read sees end-of-file, and the watchdog SIGKILLs every group still registered.
/// The parent-death signal already kills each server's root process; this also catches its descendants.
/// </summary>
internal static class OrphanWatchdog
{
    private const string Script = """
        exec >/dev/null 2>&1
        trap '' INT HUP TERM QUIT PIPE
        declare -A groups
        while read -r op pg; do
          case "$op" in
            add) groups[$pg]=1 ;;
            del) unset "groups[$pg]" ;;
          esac
        done
        for pg in "${!groups[@]}"; do kill -KILL -- "-$pg"; done
        """;

    private static readonly Lock Gate = new();
    private static Process? _process;
    private static bool _unavailable;

    public static void Add(int groupId) => Send($"add {groupId}");

    public static void Remove(int groupId) => Send($"del {groupId}");

    private static void Send(string line)
    {
        lock (Gate)
        {
            var process = Ensure();
            if (process is null)
            {
                return;
            }

            try
            {
                process.StandardInput.WriteLine(line);
                process.StandardInput.Flush();
            }
            catch (IOException)
            {
                // Someone killed the watchdog; start a fresh one next time (groups registered so far are
                // still covered by their parent-death signal and by the exit handlers).
                _process = null;
            }
        }
    }

    private static Process? Ensure()
    {
        if (_process is { HasExited: false } || _unavailable)
        {
            return _process;
        }

        var bash = Executables.FindSystemTool("bash");
        var setsid = Executables.FindSystemTool("setsid");
        if (bash is null || setsid is null)
        {
            _unavailable = true;
            return null;
        }

        // Its own session, so a Ctrl-C aimed at faceoff's terminal process group never reaches it.
        var info = new ProcessStartInfo(setsid) { RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in new[] { "--", bash, "-c", Script })
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            _process = Process.Start(info);
        }
        catch (Win32Exception)
        {
            _unavailable = true;
        }

        return _process;
    }
}
