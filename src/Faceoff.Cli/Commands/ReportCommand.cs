using System.CommandLine;
using System.Text.Json;
using Faceoff.Reporting;

namespace Faceoff.Cli.Commands;

/// <summary>
/// 'faceoff report &lt;run-dir&gt;': rebuild every text and HTML output of a run from its
/// phased_campaign_report.json and say whether each is byte-identical to what the run recorded in its
/// manifest. Exit 0 when all match (or there is nothing recorded to compare with), 1 when any differs,
/// 2 when the run directory has no readable report.
/// </summary>
internal sealed class ReportCommand : Command
{
    public ReportCommand()
        : base("report", "Regenerate a run's CSV, Markdown, methodology and HTML outputs from its phased_campaign_report.json and check them against the run's artifact manifest.")
    {
        var runDir = new Argument<string>("run-dir") { Description = "The run directory, e.g. build/perf/phased/runs/<run_id>." };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write the regenerated outputs here instead of into the run directory.",
            HelpName = "dir",
        };
        Arguments.Add(runDir);
        Options.Add(output);
        SetAction(parse => Run(parse, parse.GetValue(runDir)!, parse.GetValue(output)));
    }

    private static int Run(ParseResult parse, string runDir, string? outputDir)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        IReadOnlyList<RegeneratedOutput> results;
        try
        {
            results = ReportRegeneration.Run(runDir, outputDir);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            error.WriteLine($"faceoff: cannot regenerate the report of {runDir}: {e.Message}");
            return ExitCodes.Usage;
        }

        foreach (var result in results)
        {
            var state = result.State switch
            {
                RegeneratedState.Identical => "identical",
                RegeneratedState.Differs => "DIFFERS from the run's manifest",
                RegeneratedState.Upgraded => "re-rendered from an earlier report schema (differs from the run's file by design)",
                _ => "written (nothing recorded to compare with)",
            };
            output.WriteLine($"{result.FileName,-32} {state}");
        }

        var differing = results.Count(r => r.State == RegeneratedState.Differs);
        output.WriteLine(differing == 0
            ? $"faceoff: {results.Count} outputs regenerated into {outputDir ?? runDir}; none differs from the run."
            : $"faceoff: {differing} of {results.Count} outputs differ from what the run recorded (the report JSON was not rewritten).");
        return differing == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}
