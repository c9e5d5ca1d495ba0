using System.CommandLine;
using Faceoff.Cli.Commands;

namespace Faceoff.Cli;

/// <summary>Builds the command tree; each verb lives in its own class under Commands/.</summary>
public static class FaceoffApp
{
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

        return await parse.InvokeAsync().ConfigureAwait(false);
    }
}
