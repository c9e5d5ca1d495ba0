using Faceoff.Hosts.Remote;

namespace Faceoff.Hosts.Tests;

[Collection(EmulatedHostsGroup.Name)]
public sealed class NoOrphanTests(EmulatedHosts hosts)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [HostsFact]
    public async Task Stop_ends_the_whole_remote_tree()
    {
        await using var host = hosts.Connectable("srv");
        Assert.True((await host.ConnectAsync(CancellationToken.None)).Reachable);
        await using var process = await HostProcess.StartAsync(host, "sleep 300 & sleep 301", Path.GetTempFileName(), CancellationToken.None);
        var child = await ChildPidAsync(host, process.Pid);

        await process.StopAsync();

        Assert.NotNull(await SshHostTests.WaitGoneAsync(host, process.Pid, Limit));
        Assert.NotNull(await SshHostTests.WaitGoneAsync(host, child, Limit));
    }

    [HostsFact]
    public async Task A_dropped_connection_leaves_no_process_behind()
    {
        await using var host = hosts.Connectable("srv");
        Assert.True((await host.ConnectAsync(CancellationToken.None)).Reachable);
        await using var observer = hosts.Connectable("srv");
        Assert.True((await observer.ConnectAsync(CancellationToken.None)).Reachable);

        // A process that ignores SIGTERM: the wrapper must follow up with SIGKILL after the grace period.
        var process = await HostProcess.StartAsync(
            host, "trap '' TERM; sleep 300 & while :; do sleep 1; done", Path.GetTempFileName(), CancellationToken.None, TimeSpan.FromSeconds(1));
        var child = await ChildPidAsync(host, process.Pid);

        Assert.True(await host.BreakConnectionAsync(), "no master connection to break");

        var gone = await SshHostTests.WaitGoneAsync(observer, process.Pid, Limit);
        Assert.True(gone is not null, $"pid {process.Pid} still alive {Limit.TotalSeconds} s after the connection was cut");
        Assert.NotNull(await SshHostTests.WaitGoneAsync(observer, child, Limit));
        Console.WriteLine($"remote process gone {gone.Value.TotalMilliseconds:0} ms after the connection was cut");
        await process.DisposeAsync();
    }

    [HostsFact]
    public async Task A_process_that_exits_reports_its_exit_code()
    {
        await using var host = hosts.Connectable("load2");
        Assert.True((await host.ConnectAsync(CancellationToken.None)).Reachable);
        var log = Path.GetTempFileName();
        await using var process = await HostProcess.StartAsync(host, "echo hello from $(hostname -I); exit 3", log, CancellationToken.None);

        Assert.Equal(3, await process.Exited.WaitAsync(Limit));
        Assert.Contains($"hello from {hosts.Address("load2")}", await File.ReadAllTextAsync(log), StringComparison.Ordinal);
    }

    private static async Task<int> ChildPidAsync(IHost host, int pid)
    {
        for (var i = 0; i < 50; i++)
        {
            var children = await host.RunAsync($"cat /proc/{pid}/task/*/children", TimeSpan.FromSeconds(10), CancellationToken.None);
            var first = children.Output.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (first is not null)
            {
                return int.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"pid {pid} started no child");
    }
}
