using Faceoff.Protocol.Overrides;
using Faceoff.Targets.Tests.Support;

namespace Faceoff.Targets.Tests;

public sealed class PinningTests
{
    [Fact]
    public async Task A_pinned_server_and_every_process_and_thread_of_its_tree_run_on_the_list()
    {
        using var dir = new TempDir();
        await using var server = await Servers.StartAsync(
            Servers.Launch(Servers.Bash($"sleep 300 & {Servers.ExecHttpServer}"), dir, cpuAffinity: "0"));

        Assert.Equal("0", server.AllowedCpus);
        var threads = server.ProcessTreePids()
            .SelectMany(pid => Directory.EnumerateDirectories($"/proc/{pid}/task"))
            .Select(task => File.ReadLines($"{task}/status").First(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal)))
            .ToList();
        Assert.True(threads.Count >= 2);
        Assert.All(threads, line => Assert.EndsWith("\t0", line, StringComparison.Ordinal));
        Assert.Contains("cpu affinity: 0", server.LogTail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pinning_does_not_leak_into_servers_started_afterwards()
    {
        using var dir = new TempDir();
        var all = CpuAffinity.AllowedCpus(Environment.ProcessId);
        await (await Servers.StartAsync(Servers.Launch(Servers.Bash(Servers.ExecHttpServer), dir, "pinned", cpuAffinity: "0"))).DisposeAsync();

        await using var unpinned = await Servers.StartAsync(Servers.Launch(Servers.Bash(Servers.ExecHttpServer), dir, "free"));

        Assert.Equal(all, unpinned.AllowedCpus);
    }

    [Fact]
    public async Task A_cpu_that_does_not_exist_is_a_clear_failure()
    {
        using var dir = new TempDir();
        var result = await new ServerLauncher().StartAsync(
            Servers.Launch(Servers.Bash(Servers.ExecHttpServer), dir, cpuAffinity: "0,1000"), CancellationToken.None);

        Assert.Contains("names CPUs this machine does not have online: 1000", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pinning_the_current_process_pins_every_thread_including_later_ones()
    {
        using var helper = Helper.Start("pin-self", "0");
        string output;
        try
        {
            output = await helper.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
            await helper.WaitForExitAsync();
        }
        finally
        {
            if (!helper.HasExited)
            {
                helper.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(0, helper.ExitCode);
        Assert.Contains("RESULT 0 ", output, StringComparison.Ordinal);
        var threads = output.Split('\n').Where(l => l.StartsWith("THREAD ", StringComparison.Ordinal)).ToList();
        Assert.True(threads.Count > 3, output);
        Assert.All(threads, line => Assert.Equal("THREAD 0", line));
    }

    [Theory]
    [InlineData("0", new[] { 0 }, "0")]
    [InlineData("0-1", new[] { 0, 1 }, "0-1")]
    [InlineData(" 1 , 0 ", new[] { 0, 1 }, "0-1")]
    public void Cpu_lists_parse_and_format(string list, int[] cpus, string formatted)
    {
        Assert.True(CpuAffinity.TryParse(list, out var parsed, out var error), error);
        Assert.Equal(cpus, parsed);
        Assert.Equal(formatted, CpuList.Format(parsed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("1-0")]
    [InlineData("-1")]
    [InlineData("0,,1")]
    public void Malformed_cpu_lists_are_rejected(string list)
    {
        Assert.False(CpuAffinity.TryParse(list, out _, out var error));
        Assert.Contains("is not a CPU list", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_compacts_ranges() => Assert.Equal("0-2,5,7-8", CpuList.Format([8, 0, 1, 2, 5, 7, 1]));
}
