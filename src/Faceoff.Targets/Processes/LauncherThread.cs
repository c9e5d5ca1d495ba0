using System.Collections.Concurrent;

namespace Faceoff.Targets.Processes;

/// <summary>
/// One long-lived thread that forks every server. The kernel's parent-death signal fires when the *thread*
/// that forked a child exits, not the process; thread-pool threads retire when idle, which would kill a
/// healthy server mid-campaign. This thread lives until the process ends, which is exactly when it should fire.
/// </summary>
internal static class LauncherThread
{
    private static readonly BlockingCollection<Action> Work = [];

    static LauncherThread()
    {
        var thread = new Thread(() =>
        {
            foreach (var item in Work.GetConsumingEnumerable())
            {
                item();
            }
        })
        {
            IsBackground = true,
            Name = "faceoff-launcher",
        };
        thread.Start();
    }

    public static Task<T> Invoke<T>(Func<T> action)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Work.Add(() =>
        {
            try
            {
                completion.SetResult(action());
            }
            catch (Exception ex)
            {
                completion.SetException(ex);
            }
        });
        return completion.Task;
    }
}
