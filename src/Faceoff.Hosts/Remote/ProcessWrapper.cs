using System.Globalization;
using Faceoff.Hosts.Transport;

namespace Faceoff.Hosts.Remote;

/// <summary>
/// The shell wrapper every process is started through, on any host. It starts the command in a new session (its
/// own process group), prints the group's id, and watches its own stdin — the SSH channel, or the local pipe. When
/// stdin reaches end-of-file (Faceoff closed it to stop, Faceoff died, or the connection dropped) it sends SIGTERM
/// to the whole group, then SIGKILL after the grace period. When the command exits first, what is left of its group
/// is killed too. So no process outlives the session that started it.
/// </summary>
internal static class ProcessWrapper
{
    /// <summary>The line the wrapper prints first-ish on stdout (the command may print before it).</summary>
    public const string PidMarker = "faceoff-pid ";

    // $1 = grace in tenths of a second, $2 = the command. dash's kill takes "-PGID" but not "--". stdin is kept on fd 3 because an asynchronous list
    // without job control gets /dev/null as stdin; the watcher reads fd 3 explicitly.
    private const string Script = """
        grace=$1; cmd=$2
        exec 3<&0
        setsid sh -c "$cmd" </dev/null &
        pid=$!
        echo "faceoff-pid $pid"
        ( cat <&3 >/dev/null 2>&1
          kill -TERM "-$pid" 2>/dev/null
          i=0
          while kill -0 "-$pid" 2>/dev/null && [ "$i" -lt "$grace" ]; do sleep 0.1; i=$((i+1)); done
          kill -KILL "-$pid" 2>/dev/null ) >/dev/null 2>&1 &
        watcher=$!
        exec 3<&-
        wait "$pid"; rc=$?
        kill "$watcher" 2>/dev/null
        kill -KILL "-$pid" 2>/dev/null
        exit "$rc"
        """;

    /// <summary>The shell command that runs <paramref name="command"/> under the wrapper.</summary>
    public static string Wrap(string command, TimeSpan grace)
    {
        var tenths = Math.Max(1, (int)Math.Ceiling(grace.TotalSeconds * 10)).ToString(CultureInfo.InvariantCulture);
        return $"exec sh -c {Shell.Quote(Script)} faceoff-wrap {tenths} {Shell.Quote(command)}";
    }
}
