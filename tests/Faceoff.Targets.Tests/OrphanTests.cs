using Faceoff.Targets.Native;
using Faceoff.Targets.Tests.Support;

namespace Faceoff.Targets.Tests;

/// <summary>No server may outlive faceoff: a helper process starts one through the API and is then killed.</summary>
public sealed class OrphanTests
{
    [Theory]
    [InlineData(Libc.SigKill)]
    [InlineData(Libc.SigTerm)]
    [InlineData(2)]
    public async Task The_whole_server_tree_dies_with_the_process_that_started_it(int signal)
    {
        using var dir = new TempDir();
        using var helper = Helper.Start("serve-then-wait", dir.Path);
        var tree = new List<Processes.ProcStat>();
        try
        {
            var line = await helper.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(90));
            Assert.StartsWith("READY ", line, StringComparison.Ordinal);
            tree = Procs.Identify(line!["READY ".Length..].Split(' ').Select(int.Parse));
            Assert.Equal(2, tree.Count);

            Libc.Kill(helper.Id, signal);
            await helper.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Empty(await Procs.WaitAllGoneAsync(tree));
        }
        finally
        {
            if (!helper.HasExited)
            {
                helper.Kill(entireProcessTree: true);
            }

            Procs.KillSurvivors(tree);
        }
    }

    [Fact]
    public async Task A_server_outlives_the_thread_that_asked_for_it()
    {
        // The parent-death signal fires when the forking *thread* exits: servers must be forked elsewhere.
        using var dir = new TempDir();
        var launch = Servers.Launch(Servers.Bash(Servers.ExecHttpServer), dir);
        StartResult? result = null;
        var thread = new Thread(() => result = new ServerLauncher().StartAsync(launch, CancellationToken.None).GetAwaiter().GetResult());
        thread.Start();
        thread.Join();
        Assert.True(result?.Succeeded, result?.Failure);
        await using var server = result!.Server!;

        Assert.False(await Procs.EventuallyAsync(() => server.HasExited, seconds: 1), $"server {server.Exit?.Description}");
    }
}
