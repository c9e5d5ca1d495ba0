using System.CommandLine;
using Faceoff.Campaign;
using Faceoff.Campaign.Execution;
using Faceoff.Campaign.Live;
using Faceoff.Campaign.Publishing;
using Faceoff.Cli.Options;
using Faceoff.Protocol.Overrides;
using Spectre.Console;

namespace Faceoff.Cli.Commands;

/// <summary>
/// 'faceoff run': the whole campaign — prepare, parity gate, every pair's cells, the publication pack — with
/// every finished cell on disk at once, so a crash, a kill or Ctrl-C can be continued with --resume.
/// </summary>
internal sealed class RunCommand : Command
{
    public RunCommand()
        : base("run", "Run a campaign: build, parity gate, measured passes for every pair, report, manifest and bundle under <output-dir>/runs/<run-id>/. " +
            "Exit 0 ok, 1 a cell failed (or an A/A check missed its bar), 2 usage or protocol error, 3 parity failure or contract violations under load, 130 interrupted.")
    {
        var protocol = ProtocolArgument.CreateWithDefault();
        Arguments.Add(protocol);
        var overrides = OverrideOptions.ForRun();
        overrides.AddTo(this);
        var resume = new Option<string>("--resume")
        {
            Description = "Continue an interrupted run: finished cells are kept, the rest are measured. Give the same protocol and options.",
            HelpName = "RUN_ID",
        };
        var quick = new Option<bool>("--quick")
        {
            Description = "Smoke run: ladder 1,8, measured 0.5 s × 3, a short fixed warmup per cell and a 2 s warmup per scenario; prints \"smoke: no verdict\" instead of verdicts.",
        };
        var aa = new Option<string>(AaProtocol.Origin)
        {
            Description = "A/A check: run PROFILE against itself (two servers of it, one pair, no claims). " +
                "Passes (exit 0) when at least 95% of the comparison rows come out no significant difference or inconclusive.",
            HelpName = "PROFILE",
        };
        Options.Add(resume);
        Options.Add(quick);
        Options.Add(aa);
        SetAction((parse, ct) =>
        {
            var choices = new RunChoices(parse.GetValue(resume), parse.GetValue(quick), parse.GetValue(aa));
            return RunAsync(parse, parse.GetValue(protocol)!, overrides.Read(parse, OverrideInputs.ProcessEnvironment()), choices, ct);
        });
    }

    private static async Task<int> RunAsync(ParseResult parse, string path, OverrideInputs inputs, RunChoices choices, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var (plan, notices, errors) = RunPlanning.Resolve(path, inputs, choices.Resume, choices.Quick, choices.AaProfile, DateTimeOffset.UtcNow);
        foreach (var notice in notices)
        {
            await error.WriteLineAsync($"notice: {notice}").ConfigureAwait(false);
        }
        if (plan is null)
        {
            foreach (var problem in errors)
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
            }
            await error.WriteLineAsync($"faceoff: cannot run {path}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        return (await ExecuteAsync(plan, output, error, ct).ConfigureAwait(false)).ExitCode;
    }

    /// <summary>
    /// Runs a resolved plan exactly as 'faceoff run' does, progress and summary included: <c>reproduce</c> shares it, so a
    /// reproduction goes through the same code path. The outcome is null when the run was refused before it started.
    /// </summary>
    internal static async Task<(int ExitCode, CampaignOutcome? Outcome)> ExecuteAsync(RunPlan plan, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (plan.Placement.PinLoadGenerator() is { } pinFailure)
        {
            await error.WriteLineAsync($"faceoff: {pinFailure}").ConfigureAwait(false);
            return (ExitCodes.Usage, null);
        }

        // Every host is reached before anything starts: an unreachable one fails the run here, with nothing started.
        await using var hosts = CampaignHosts.Create(plan.Request.Protocol, Path.Combine(Path.GetTempPath(), "faceoff-host"));
        var hostProblems = hosts.CheckTargets();
        var unreachable = hostProblems.Count == 0 && !hosts.AllLocal ? await hosts.ConnectAsync(ct).ConfigureAwait(false) : [];
        foreach (var problem in hostProblems.Concat(unreachable))
        {
            await error.WriteLineAsync($"faceoff: {problem}").ConfigureAwait(false);
        }
        if (hostProblems.Count > 0 || unreachable.Count > 0)
        {
            return (hostProblems.Count > 0 ? ExitCodes.Usage : ExitCodes.Failure, null);
        }

        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        var live = terminal ? new RunProgressLive(TimeProvider.System) : null;
        ICampaignObserver observer = live is null ? new RunProgressPlain(output, TimeProvider.System) : live;
        // Disposed after the run: stops the database service once every server is stopped.
        await using var backend = new LiveBackend(plan.Request.Protocol, plan.Settings, plan.Placement, observer, hosts);
        var runner = new CampaignRunner(backend, new CampaignPublisher(), observer, TimeProvider.System);
        if (AaProtocol.ProfileOf(plan.Request.Protocol) is { } aaProfile)
        {
            var pair = plan.Request.Protocol.Pairs[0];
            observer.Notice(NoticeLevel.Info,
                $"A/A mode ({AaProtocol.Origin} {aaProfile}): pair {pair.Name} runs {aaProfile} against itself on ports {pair.CandidatePort} and {pair.ReferencePort}; " +
                $"no claims; passes when at least {Reporting.Model.AaCheck.BarPercent}% of the rows come out no significant difference or inconclusive");
        }

        var outcome = live is null
            ? await runner.RunAsync(plan.Request, ct).ConfigureAwait(false)
            : await live.ShowWhileAsync(() => runner.RunAsync(plan.Request, ct)).ConfigureAwait(false);
        return (RunConsoleReport.Print(outcome, terminal, output, error), outcome);
    }
}

/// <summary>The run verb's own switches, as given on the command line.</summary>
internal sealed record RunChoices(string? Resume, bool Quick, string? AaProfile);
