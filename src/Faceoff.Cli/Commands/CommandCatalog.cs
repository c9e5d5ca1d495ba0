using System.CommandLine;

namespace Faceoff.Cli.Commands;

/// <summary>The list of verbs. Add a verb here and nowhere else.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return new VersionCommand();
    }
}
