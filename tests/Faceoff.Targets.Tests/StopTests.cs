using Faceoff.Targets.Tests.Support;

namespace Faceoff.Targets.Tests;

public sealed class StopTests
{
    [Fact]
    public async Task Stop_ends_the_whole_tree_even_a_child_that_ignores_SIGTERM()
    {
        using var dir = new TempDir();
        var script = $"(trap '' TERM; exec sleep 300) & sleep 300 & {Servers.ExecHttpServer}";
        var server = await Servers.StartAsync(Servers.Launch(Servers.Bash(script), dir));
        var tree = Procs.Identify(server.ProcessTreePids());
        try
        {
            Assert.Equal(3, tree.Count);
            Assert.Equal(server.Pid, tree[0].Pid);

            var exit = await server.StopAsync(TimeSpan.FromMilliseconds(300));

            Assert.Empty(await Procs.WaitAllGoneAsync(tree, seconds: 0));
            Assert.Equal(new ExitInfo(null, 15, true), exit);
            Assert.Equal("killed by signal 15 (SIGTERM)", exit.Description);
            Assert.True(server.HasExited);
            Assert.Equal(exit, server.Exit);
            Assert.Same(server.StopAsync(TimeSpan.Zero), server.StopAsync(TimeSpan.Zero));
            Assert.Contains("after faceoff asked it to stop", server.LogTail(), StringComparison.Ordinal);
        }
        finally
        {
            Procs.KillSurvivors(tree);
        }
    }

    [Fact]
    public async Task A_crash_after_startup_is_captured_as_a_signal_and_not_as_a_requested_stop()
    {
        using var dir = new TempDir();
        // The background job kills the server (bash's $$ is the server after exec) only when the test
        // creates the trigger file, i.e. after readiness: a fixed delay raced slow start-ups on CI.
        var trigger = System.IO.Path.Combine(dir.Path, "crash-now");
        var script = $"(while [ ! -e '{trigger}' ]; do sleep 0.05; done; echo about-to-crash; kill -KILL $$) & {Servers.ExecHttpServer}";
        await using var server = await Servers.StartAsync(Servers.Launch(Servers.Bash(script), dir));
        Assert.False(server.HasExited);
        await File.WriteAllTextAsync(trigger, "");

        Assert.True(await Procs.EventuallyAsync(() => server.HasExited));

        Assert.Equal(new ExitInfo(null, 9, false), server.Exit);
        var exit = await server.StopAsync(TimeSpan.FromSeconds(1));
        Assert.Equal("killed by signal 9 (SIGKILL)", exit.Description);
        Assert.False(exit.StopRequested);
        Assert.Contains("about-to-crash", server.LogTail(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, null, "exited with code 0")]
    [InlineData(3, 3, null, "exited with code 3")]
    [InlineData(137, null, 9, "killed by signal 9 (SIGKILL)")]
    [InlineData(139, null, 11, "killed by signal 11 (SIGSEGV)")]
    [InlineData(128 + 40, null, 40, "killed by signal 40 (SIG40)")]
    public void Exit_status_decodes_signals_the_way_shells_report_them(int status, int? code, int? signal, string text)
    {
        var exit = ExitInfo.FromStatus(status, stopRequested: false);

        Assert.Equal((code, signal), (exit.ExitCode, exit.Signal));
        Assert.Equal(text, exit.Description);
    }
}

