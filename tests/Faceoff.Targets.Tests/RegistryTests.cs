using Faceoff.Targets.Tests.Support;

namespace Faceoff.Targets.Tests;

/// <summary>KillAll ends every server this process registered, so these tests must not run beside others.</summary>
[CollectionDefinition(nameof(SerialRegistryGroup), DisableParallelization = true)]
public sealed class SerialRegistryGroup;

[Collection(nameof(SerialRegistryGroup))]
public sealed class RegistryTests
{
    [Fact]
    public async Task Kill_all_ends_every_live_tree_and_the_server_reads_as_stopped()
    {
        using var dir = new TempDir();
        var server = await Servers.StartAsync(Servers.Launch(Servers.Bash($"sleep 300 & {Servers.ExecHttpServer}"), dir));
        var tree = Procs.Identify(server.ProcessTreePids());
        try
        {
            Assert.True(ServerRegistry.Count >= 1);

            ServerRegistry.KillAll();

            Assert.Empty(await Procs.WaitAllGoneAsync(tree));
            var exit = await server.StopAsync(TimeSpan.Zero);
            Assert.Equal(9, exit.Signal);
            Assert.True(exit.StopRequested);
        }
        finally
        {
            Procs.KillSurvivors(tree);
        }
    }
}
