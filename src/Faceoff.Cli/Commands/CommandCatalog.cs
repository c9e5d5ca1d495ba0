using System.CommandLine;

namespace Faceoff.Cli.Commands;

/// <summary>The list of verbs. Add a verb here and nowhere else.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return new VersionCommand();
        yield return new ValidateCommand();
        yield return new LoadCommand();
        yield return new RunCommand();
        yield return new ReportCommand();
        yield return new CompareCommand();
        yield return new ReproduceCommand();
        yield return new ParityCommand();
    }
}
