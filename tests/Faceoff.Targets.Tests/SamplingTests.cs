using Faceoff.Targets.Tests.Support;

namespace Faceoff.Targets.Tests;

public sealed class SamplingTests
{
    private const string BusyChild = "( while :; do :; done ) & ";

    [Fact]
    public async Task Cpu_time_of_a_busy_child_and_tree_memory_are_sampled()
    {
        using var dir = new TempDir();
        await using var server = await Servers.StartAsync(Servers.Launch(Servers.Bash(BusyChild + Servers.ExecHttpServer), dir));
        var first = server.Sample();

        Assert.Equal(2, first.ProcessCount);
        Assert.True(first.RssKiB > 1000, $"rss {first.RssKiB} KiB");
        Assert.True(first.PeakRssKiB >= first.RssKiB);
        Assert.True(
            await Procs.EventuallyAsync(() => server.Sample().CpuSeconds > first.CpuSeconds + 0.05),
            "the busy child's CPU time never showed up");
    }

    [Fact]
    public async Task Cpu_time_of_children_that_already_exited_is_included()
    {
        using var dir = new TempDir();
        // A child burns 0.3 s of CPU and is reaped by bash, which then execs the server: the time lives on in cutime.
        const string burn = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.3: pass";
        var script = $"/usr/bin/python3 -c '{burn}'; {Servers.ExecHttpServer}";
        await using var server = await Servers.StartAsync(Servers.Launch(Servers.Bash(script), dir));

        var sample = server.Sample();

        Assert.Equal(1, sample.ProcessCount);
        Assert.True(sample.CpuSeconds >= 0.28, $"cpu {sample.CpuSeconds} s");
    }

    [Fact]
    public async Task A_background_sampler_summarises_cpu_and_memory_over_a_pass()
    {
        using var dir = new TempDir();
        await using var server = await Servers.StartAsync(Servers.Launch(Servers.Bash(BusyChild + Servers.ExecHttpServer), dir));
        using var sampler = server.StartSampling(TimeSpan.FromMilliseconds(20));

        Assert.True(await Procs.EventuallyAsync(() => sampler.Count >= 5));
        var summary = sampler.Stop();

        Assert.Same(summary, sampler.Stop());
        Assert.True(summary.Samples.Length >= 6);
        Assert.True(summary.CpuSeconds > 0, $"cpu {summary.CpuSeconds}");
        Assert.True(summary.AverageCpuCores > 0);
        Assert.True(summary.Elapsed > TimeSpan.Zero);
        Assert.Equal(summary.Samples[0].RssKiB, summary.RssBeforeKiB);
        Assert.Equal(summary.Samples[^1].RssKiB, summary.RssAfterKiB);
        Assert.Equal(summary.Samples.Max(s => s.RssKiB), summary.PeakRssKiB);
        Assert.True(summary.HighWaterMarkKiB >= summary.PeakRssKiB);
    }

    [Fact]
    public async Task A_stopped_server_samples_as_an_empty_tree()
    {
        using var dir = new TempDir();
        var server = await Servers.StartAsync(Servers.Launch(Servers.Bash(Servers.ExecHttpServer), dir));
        await server.StopAsync(TimeSpan.FromSeconds(1));

        var sample = server.Sample();

        Assert.Equal((0, 0L), (sample.ProcessCount, sample.RssKiB));
    }
}
