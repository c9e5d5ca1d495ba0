using Faceoff.Targets.Native;

namespace Faceoff.Targets.Processes;

/// <summary>
/// A server's process tree: the root, its descendants, and — when the root leads its own process group (it was
/// started under setsid) — every member of that group, which catches grandchildren whose parent already died.
/// </summary>
internal sealed class ProcessTree
{
    private readonly ulong? _rootStart;

    public ProcessTree(int rootPid, bool ownGroup)
    {
        RootPid = rootPid;
        OwnGroup = ownGroup;
        _rootStart = ProcFs.ReadStat(rootPid)?.StartTime;
    }

    public int RootPid { get; }

    public bool OwnGroup { get; }

    /// <summary>Every process of the tree, zombies included (a zombie still holds CPU time until it is reaped).</summary>
    public List<ProcStat> Members()
    {
        var all = ProcFs.ReadAll();
        var members = new Dictionary<int, ProcStat>();
        foreach (var stat in all)
        {
            var isRoot = stat.Pid == RootPid && stat.StartTime == _rootStart;
            if (isRoot || (OwnGroup && stat.GroupId == RootPid))
            {
                members[stat.Pid] = stat;
            }
        }

        var children = all.ToLookup(s => s.ParentPid);
        var pending = new Queue<int>(members.Keys);
        while (pending.TryDequeue(out var pid))
        {
            foreach (var child in children[pid])
            {
                if (members.TryAdd(child.Pid, child))
                {
                    pending.Enqueue(child.Pid);
                }
            }
        }

        return [.. members.Values];
    }

    public List<ProcStat> Live() => [.. Members().Where(m => !m.IsZombie)];

    /// <summary>SIGTERM to every process, then SIGKILL to whatever is left after <paramref name="grace"/>.</summary>
    public async Task TerminateAsync(TimeSpan grace)
    {
        var live = Live();
        if (live.Count == 0)
        {
            return;
        }

        Signal(live, Libc.SigTerm);
        var deadline = DateTime.UtcNow + grace;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(25).ConfigureAwait(false);
            if (Live().Count == 0)
            {
                return;
            }
        }

        KillNow();
    }

    /// <summary>SIGKILL until nothing is left; repeated because a process may fork between the scan and the kill.</summary>
    public void KillNow()
    {
        for (var round = 0; round < 20; round++)
        {
            var live = Live();
            if (live.Count == 0)
            {
                return;
            }

            Signal(live, Libc.SigKill);
            Thread.Sleep(10);
        }
    }

    private void Signal(List<ProcStat> live, int signal)
    {
        if (OwnGroup)
        {
            // The group signal reaches processes forked after the scan; failure (no such group) is harmless.
            Libc.Kill(-RootPid, signal);
        }

        foreach (var member in live)
        {
            // Re-check identity right before signalling so a pid recycled since the scan is never hit.
            if (ProcFs.ReadStat(member.Pid)?.StartTime == member.StartTime)
            {
                Libc.Kill(member.Pid, signal);
            }
        }
    }
}
