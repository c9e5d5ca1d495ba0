using System.CommandLine;
using Faceoff.Campaign;
using Faceoff.Cli.Options;
using Faceoff.Protocol.Overrides;
using Faceoff.Protocol.Summary;
using Spectre.Console;

namespace Faceoff.Cli.Commands;

/// <summary>
/// 'faceoff validate': load a protocol with its overrides and either summarise the campaign it resolves to
/// (exit 0) or list every problem as <c>file:line:col: path: message</c> (exit 2). Nothing is started.
/// </summary>
internal sealed class ValidateCommand : Command
{
    public ValidateCommand()
        : base(
            "validate",
            "Check a campaign protocol and show the campaign it resolves to: frameworks, pairs, ports, ladders, scenarios, claims, "
            + "plans, overrides and estimated duration. Exit 0 if valid; exit 2 listing every problem as file:line:col: path: message. "
            + "Each option beats its environment variable, which beats the file, which beats the default.")
    {
        var protocol = ProtocolArgument.Create();
        Arguments.Add(protocol);
        var overrides = OverrideOptions.ForProtocol();
        overrides.AddTo(this);
        SetAction(parse => Run(parse, parse.GetValue(protocol)!, overrides));
    }

    private static int Run(ParseResult parse, string path, OverrideOptions overrides)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var resolution = OverrideResolver.Resolve(overrides.Read(parse, OverrideInputs.ProcessEnvironment()));
        if (ProtocolArgument.Load(path, resolution, error) is not { } campaign)
        {
            return ExitCodes.Usage;
        }

        foreach (var warning in PlanWarnings.For(campaign))
        {
            error.WriteLine($"warning: {warning}");
        }

        var summary = ProtocolSummary.For(campaign);
        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
        {
            WriteTables(summary);
        }
        else
        {
            WritePlain(summary, output);
        }

        return ExitCodes.Success;
    }

    private static void WriteTables(ProtocolSummary summary)
    {
        foreach (var section in summary.Tables.Where(table => table.Rows.Length > 0))
        {
            var table = ConsoleTables.Rich(section.Title, section.Columns);
            table.ShowHeaders = section.Columns.Any(column => column.Length > 0);
            foreach (var row in section.Rows)
            {
                table.AddRow([.. row.Select(cell => new Text(cell))]);
            }

            AnsiConsole.Write(table);
        }

        AnsiConsole.MarkupLine($"[bold]Estimated duration:[/] {Markup.Escape(summary.EstimateText)}");
    }

    /// <summary>Aligned columns, for pipes, logs and CI, where box drawing only gets in the way.</summary>
    private static void WritePlain(ProtocolSummary summary, TextWriter output)
    {
        foreach (var section in summary.Tables.Where(table => table.Rows.Length > 0))
        {
            output.WriteLine(section.Title);
            var showHeader = section.Columns.Any(column => column.Length > 0);
            var lines = showHeader ? section.Rows.Prepend(section.Columns) : section.Rows.AsEnumerable();
            ConsoleTables.WritePlain(output, [.. lines.Select(line => line.ToArray())]);
            output.WriteLine();
        }

        output.WriteLine($"Estimated duration: {summary.EstimateText}");
    }
}
