using System.CommandLine;
using Faceoff.Cli.Options;
using Faceoff.Cli.Reproduce;
using Faceoff.Protocol.Model;
using Faceoff.Protocol.Overrides;

namespace Faceoff.Cli.Commands;

/// <summary>
/// 'faceoff reproduce &lt;run-dir | report&gt;': re-runs a pack's resolved protocol here, through the same code path as
/// 'faceoff run', writes its own pack, and holds its rows and claims against the original's (see <see cref="ReproductionComparer"/>).
/// </summary>
internal sealed class ReproduceCommand : Command
{
    public ReproduceCommand()
        : base("reproduce", "Re-run a pack's resolved_protocol.json on this machine and check it against the original, per claim and per row. "
            + string.Join(" ", ReproductionComparer.Definition)
            + " Exit 2 usage or unreadable pack, 3 parity failure or contract violations under load, 130 interrupted. "
            + "Writes its own pack with reproduction.json and reproduction.md linking to the original.")
    {
        var original = new Argument<string>("original") { Description = "The original run directory, or its phased_campaign_report.json (resolved_protocol.json must be beside it)." };
        var quick = new Option<bool>("--quick") { Description = "Refused: a smoke run gives no verdicts, so it cannot reproduce anything." };
        var overrides = OverrideOptions.ForReproduce();
        Arguments.Add(original);
        overrides.AddTo(this);
        Options.Add(quick);
        SetAction((parse, ct) => RunAsync(parse, parse.GetValue(original)!, parse.GetValue(quick), overrides.Read(parse, OverrideInputs.ProcessEnvironment()), ct));
    }

    private static async Task<int> RunAsync(ParseResult parse, string argument, bool quick, OverrideInputs inputs, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        if (quick)
        {
            await error.WriteLineAsync("faceoff: reproduce refuses --quick: a smoke run is too short to give verdicts (it prints \"smoke: no verdict\"), "
                + "so it cannot confirm or contradict a single row or claim; reproduce re-runs the original's own sizing").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        var (pack, problems) = OriginalPackReader.Read(argument);
        var resolution = OverrideResolver.Resolve(inputs);
        if (resolution.Run.SkipParity)
        {
            problems = [.. problems, "FACEOFF_SKIP_PARITY: a reproduction without the parity gate is not publishable, so it could not reproduce anything; unset it"];
        }
        problems = [.. problems, .. resolution.Errors.Select(e => e.ToString())];
        if (pack is null || problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
            }
            await error.WriteLineAsync($"faceoff: cannot reproduce {argument}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        foreach (var ignored in IgnoredProtocolOverrides(resolution.Protocol))
        {
            await error.WriteLineAsync($"notice: {ignored.Origin ?? ignored.Setting}={ignored.Value} ignored: reproduce runs the original's protocol as it ran").ConfigureAwait(false);
        }
        if (!pack.ProtocolHashMatches)
        {
            await error.WriteLineAsync($"notice: {pack.RunDirectory}: the resolved protocol read back does not hash to the one the run recorded "
                + $"({pack.RecordedProtocolHash ?? "no hash recorded"}); it is re-run as read").ConfigureAwait(false);
        }

        // The original's run settings (its run id, output directory, pinning) describe that run, not this one.
        var runSettings = Knobs.Run.Select(k => k.Setting).ToHashSet(StringComparer.Ordinal);
        var protocol = pack.Protocol with { Overrides = [.. pack.Protocol.Overrides.Where(o => !runSettings.Contains(o.Setting))] };
        var (plan, errors) = RunPlanning.ForProtocol(protocol, resolution, resume: null, quick: false, aaProfile: null, DateTimeOffset.UtcNow);
        if (plan is null)
        {
            foreach (var problem in errors)
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
            }
            return ExitCodes.Usage;
        }
        await error.WriteLineAsync($"notice: reproducing run {pack.Report.RunId} ({pack.ReportPath}) as run {plan.Request.RunId}").ConfigureAwait(false);

        var (runExit, outcome) = await RunCommand.ExecuteAsync(plan, output, error, ct).ConfigureAwait(false);
        if (runExit is ExitCodes.Usage or ExitCodes.Interrupted || outcome?.Publication?.Report is not { } report || outcome.RunDirectory is not { } runDirectory)
        {
            await error.WriteLineAsync("faceoff: the reproduction did not produce a report; nothing was compared").ConfigureAwait(false);
            return runExit == ExitCodes.Success ? ExitCodes.Failure : runExit;
        }

        var result = ReproductionComparer.Compare(pack.Report, report);
        var document = ReproductionFiles.Document(pack, report.RunId, result);
        ReproductionFiles.Write(runDirectory, document);
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        ReproductionOutput.Write(document, terminal, output);
        await output.WriteLineAsync($"reproduction: {Path.Combine(runDirectory, ReproductionFiles.Markdown)}").ConfigureAwait(false);
        // Parity failures keep their own exit, as in 'run'; otherwise a failed cell or a miss both mean "not reproduced".
        return runExit == ExitCodes.ParityFailure ? runExit
            : runExit == ExitCodes.Success && result.Reproduced ? ExitCodes.Success
            : ExitCodes.Failure;
    }

    private static IEnumerable<SettingOrigin> IgnoredProtocolOverrides(ProtocolOverrides overrides) =>
        new[]
        {
            overrides.ConcurrencyLadder?.Origin, overrides.WarmupBound?.Origin, overrides.WarmupRepeats?.Origin,
            overrides.MeasuredBound?.Origin, overrides.MeasuredRepeats?.Origin, overrides.MeasuredLaunches?.Origin, overrides.BaseProtocol?.Origin,
        }.OfType<SettingOrigin>();
}
