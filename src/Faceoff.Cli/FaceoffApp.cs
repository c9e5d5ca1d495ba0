using System.CommandLine;
using Faceoff.Cli.Commands;

namespace Faceoff.Cli;

/// <summary>Builds the command tree; each verb lives in its own class under Commands/.</summary>
public static class FaceoffApp
{
    /// <summary>
    /// After SIGINT/SIGTERM a verb is cancelled and then given this long to stop its servers and write what it
    /// measured (a partial report) before the process exits anyway; its own exit code (130) is kept when it
    /// finishes in time. System.CommandLine's default of 2 s is too short for a campaign to shut down cleanly.
    /// </summary>
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(60);

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "Faceoff: parity-gated, reproducible benchmark campaigns between web frameworks.\n" +
            "Typical use: 'faceoff validate protocols/default.json', then 'faceoff run'.");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"faceoff: {error.Message}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("Run 'faceoff --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = ShutdownGrace };
        return await parse.InvokeAsync(invocation).ConfigureAwait(false);
    }
}
