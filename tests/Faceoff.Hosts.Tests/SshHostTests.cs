using System.Diagnostics;
using System.Security.Cryptography;
using Faceoff.Hosts.Remote;
using Faceoff.Hosts.Transport;
using Xunit.Abstractions;

namespace Faceoff.Hosts.Tests;

[Collection(EmulatedHostsGroup.Name)]
public sealed class SshHostTests(EmulatedHosts hosts, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [HostsFact]
    public async Task Commands_run_inside_each_hosts_namespace_with_output_and_exit_code()
    {
        foreach (var name in EmulatedHosts.Names)
        {
            await using var host = hosts.Connectable(name);
            var check = await host.ConnectAsync(CancellationToken.None);
            Assert.True(check.Reachable, check.Error);

            var address = await host.RunAsync("ip -4 -o addr show dev eth0; echo oops >&2; exit 7", Timeout, CancellationToken.None);
            Assert.Equal(7, address.ExitCode);
            Assert.Contains($"{hosts.Address(name)}/24", address.Output, StringComparison.Ordinal);
            Assert.Equal("oops", address.Error.Trim());
        }
    }

    [HostsFact]
    public async Task An_unreachable_host_is_a_clear_finding_not_an_exception()
    {
        var nobody = new SshDestination("ghost", $"198.18.{hosts.Net}.99", User: "root", ConfigFile: hosts.SshConfig);
        await using var host = new SshHost(nobody, new SshSettings(ConnectTimeout: TimeSpan.FromSeconds(2)));

        var check = await host.ConnectAsync(CancellationToken.None);

        Assert.False(check.Reachable);
        Assert.Contains("host 'ghost'", check.Error, StringComparison.Ordinal);
        Assert.Contains("unreachable", check.Error, StringComparison.Ordinal);
        Assert.Contains($"198.18.{hosts.Net}.99", check.Error, StringComparison.Ordinal);
    }

    [HostsFact]
    public async Task A_copied_file_arrives_whole_and_executable()
    {
        await using var host = hosts.Connectable("load1");
        Assert.True((await host.ConnectAsync(CancellationToken.None)).Reachable);
        var local = Path.GetTempFileName();
        var bytes = RandomNumberGenerator.GetBytes(3_000_000);
        await File.WriteAllBytesAsync(local, bytes);
        var remote = Path.Combine(host.WorkDirectory, "copied.bin");

        var copy = await host.CopyFileAsync(local, remote, Timeout, CancellationToken.None, executable: true);
        var hash = await host.RunAsync($"sha256sum {Shell.Quote(remote)} && test -x {Shell.Quote(remote)}", Timeout, CancellationToken.None);

        Assert.True(copy.Succeeded, copy.Describe());
        Assert.True(hash.Succeeded, hash.Describe());
        Assert.StartsWith(Convert.ToHexStringLower(SHA256.HashData(bytes)), hash.Output, StringComparison.Ordinal);
        File.Delete(local);
    }

    [HostsFact]
    public async Task Facts_and_clock_offset_describe_the_host()
    {
        await using var host = hosts.Connectable("srv");
        Assert.True((await host.ConnectAsync(CancellationToken.None)).Reachable);

        var (machine, error) = await HostFacts.CollectAsync(host, CancellationToken.None);
        var (offset, clockError) = await ClockOffsets.MeasureAsync(host, CancellationToken.None);

        Assert.Null(error);
        Assert.Equal(Environment.ProcessorCount, machine!.LogicalCores);
        Assert.Equal(File.ReadAllText("/proc/sys/kernel/osrelease").Trim(), machine.Kernel);
        Assert.True(machine.MemoryKib > 0);
        Assert.Null(clockError);

        // The emulated host shares this machine's clock, so the true offset is 0: the measured one must lie
        // within its own stated uncertainty (the host read its clock between t0 and t1), plus clock resolution.
        Assert.True(Math.Abs(offset!.OffsetMs) <= offset.UncertaintyMs + 0.01, offset.Describe());
        output.WriteLine(offset.Describe());
    }

    [HostsFact]
    public async Task Sampling_reads_the_remote_trees_cpu_and_memory()
    {
        await using var host = hosts.Connectable("srv");
        Assert.True((await host.ConnectAsync(CancellationToken.None)).Reachable);
        var log = Path.GetTempFileName();
        await using var busy = await HostProcess.StartAsync(host, "sh -c 'while :; do :; done' & sleep 300", log, CancellationToken.None);

        var (first, error) = await ProcessTreeSampler.SampleAsync(host, busy.Pid, CancellationToken.None);
        await Task.Delay(1500);
        var (second, _) = await ProcessTreeSampler.SampleAsync(host, busy.Pid, CancellationToken.None);

        Assert.Null(error);
        Assert.True(first!.ProcessCount >= 3, $"expected sh, the busy loop and sleep; saw {first.ProcessCount}");
        Assert.True(first.RssKiB > 0);
        Assert.True(second!.CpuSeconds > first.CpuSeconds, $"{first.CpuSeconds} -> {second.CpuSeconds}");
        await busy.StopAsync();
        var (gone, _) = await ProcessTreeSampler.SampleAsync(host, busy.Pid, CancellationToken.None);
        Assert.Equal(0, gone!.ProcessCount);
    }

    [HostsFact]
    public async Task Printed_commands_name_the_identity_file_but_mask_secrets()
    {
        var destination = hosts.Destination("srv") with
        {
            IdentityFile = "/keys/id_test",
            Options = ["ProxyCommand=sshpass -p hunter2 ssh -W %h:%p jump"],
        };
        await using var host = new SshHost(destination);

        var printed = host.DescribeCommand("API_TOKEN=abc123 ./server");

        Assert.Contains("/keys/id_test", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", printed, StringComparison.Ordinal);
        Assert.Contains("./server", printed, StringComparison.Ordinal);
        Assert.Contains("ControlPath=", printed, StringComparison.Ordinal);
    }

    internal static async Task<bool> AliveAsync(IHost host, int pid) =>
        (await host.RunAsync($"kill -0 {pid}", Timeout, CancellationToken.None)).Succeeded;

    internal static async Task<TimeSpan?> WaitGoneAsync(IHost host, int pid, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (!await AliveAsync(host, pid))
            {
                return clock.Elapsed;
            }

            await Task.Delay(100);
        }

        return null;
    }
}
