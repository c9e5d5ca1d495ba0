using System.CommandLine;
using Faceoff.Cli.Options;
using Faceoff.Parity;
using Faceoff.Protocol;
using Faceoff.Protocol.Model;
using Faceoff.Protocol.Overrides;
using Faceoff.Targets.Prepare;

namespace Faceoff.Cli.Commands;

/// <summary>
/// 'faceoff parity [protocol]': prepare the apps, start every pair's servers and each framework's constrained
/// variant, run the parity gate, write its JSON report and print a table. Exit 0 on pass (warnings included),
/// 3 on a parity failure (with the first difference on one line), 2 for a bad protocol, 1 when prepare fails.
/// </summary>
internal sealed class ParityCommand : Command
{
    public const string DefaultOutput = "build/perf/parity/parity_report.json";

    public ParityCommand()
        : base("parity", "Run the parity gate alone: prove both apps of every pair do the same work (contracts, equivalence, keep-alive C04, backpressure C05). Exit 0 pass, 3 parity failure, 2 bad protocol.")
    {
        var protocol = ProtocolArgument.CreateWithDefault();
        var output = new Option<string>("--output", "-o")
        {
            Description = $"Where to write the parity report JSON (default: {DefaultOutput}); server logs go to logs/ beside it.",
            HelpName = "file",
            DefaultValueFactory = _ => DefaultOutput,
        };
        var skipBuild = new Option<bool>(Knobs.SkipBuild.Option) { Description = $"{Knobs.SkipBuild.Description} [env: {Knobs.SkipBuild.EnvVar}]" };
        Arguments.Add(protocol);
        Options.Add(output);
        Options.Add(skipBuild);
        SetAction((parse, ct) => RunAsync(parse, parse.GetValue(protocol)!, parse.GetValue(output)!, parse.GetValue(skipBuild), ct));
    }

    private static async Task<int> RunAsync(ParseResult parse, string path, string outputPath, bool skipBuild, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var given = new Dictionary<Knob, string>();
        if (skipBuild)
        {
            given[Knobs.SkipBuild] = "true";
        }

        var resolution = OverrideResolver.Resolve(new OverrideInputs(OverrideInputs.ProcessEnvironment(), given));
        if (ProtocolArgument.Load(path, resolution, error) is not { } protocol)
        {
            return ExitCodes.Usage;
        }

        var reportPath = Path.GetFullPath(outputPath);
        var logDirectory = Path.Combine(Path.GetDirectoryName(reportPath)!, "logs");
        var prepared = await PrepareAsync(protocol, resolution.Run, logDirectory, error, ct).ConfigureAwait(false);
        if (prepared is null)
        {
            return ExitCodes.Failure;
        }

        // Progress goes to the error stream, so the table on standard output stays clean for pipes.
        var options = new ParityOptions(logDirectory) { Progress = error.WriteLine };
        var report = await ParityGate.RunAsync(protocol, prepared, options, ct).ConfigureAwait(false);
        await ParityReportJson.WriteAsync(report, reportPath, ct).ConfigureAwait(false);

        var rows = ParityTable.Rows(protocol, report);
        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
        {
            ParityTable.WriteRich(rows);
        }
        else
        {
            ParityTable.WritePlain(rows, output);
        }

        foreach (var warning in report.Warnings)
        {
            await output.WriteLineAsync(warning).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"report: {reportPath}").ConfigureAwait(false);
        if (!report.Passed)
        {
            await output.WriteLineAsync(report.FirstFailure).ConfigureAwait(false);
            return ExitCodes.ParityFailure;
        }

        await output.WriteLineAsync($"parity: {report.Status.ToString().ToLowerInvariant()} ({report.DurationSeconds:0.0} s)").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Targets' prepare: builds the apps (unless skipped) and resolves <c>{python}</c>, as a campaign does.</summary>
    private static async Task<PreparedEnvironment?> PrepareAsync(
        CampaignProtocol protocol, RunSettings settings, string logDirectory, TextWriter error, CancellationToken ct)
    {
        var protocolDirectory = Path.GetDirectoryName(protocol.SourcePath)!;
        var values = new Dictionary<string, string> { [Placeholders.ProtocolDir] = protocolDirectory };
        var requirements = protocol.Frameworks.Values
            .Where(f => f.Runtime == RuntimeKind.Python && f.Start.WorkingDir is not null)
            .Select(f => Path.Combine(Placeholders.Expand(f.Start.WorkingDir!, values), "requirements.txt"))
            .FirstOrDefault(File.Exists);
        var options = new PrepareOptions(protocolDirectory, logDirectory)
        {
            SkipBuild = settings.SkipBuild,
            PythonVenv = settings.FastapiVenv,
            PythonRequirements = requirements,
        };
        await error.WriteLineAsync($"parity: preparing {protocol.Frameworks.Count} framework(s){(settings.SkipBuild ? " (build skipped)" : string.Empty)}").ConfigureAwait(false);
        var result = await new EnvironmentPreparer().PrepareAsync(protocol.Frameworks.Values, options, ct).ConfigureAwait(false);
        if (result.Environment is null)
        {
            await error.WriteLineAsync($"faceoff: prepare failed: {result.Failure}").ConfigureAwait(false);
            if (!string.IsNullOrWhiteSpace(result.LogTail))
            {
                await error.WriteLineAsync(result.LogTail).ConfigureAwait(false);
            }
        }

        return result.Environment;
    }
}
