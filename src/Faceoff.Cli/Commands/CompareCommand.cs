using System.CommandLine;
using Faceoff.Cli.Compare;
using Faceoff.Reporting;
using Faceoff.Statistics.Regression;

namespace Faceoff.Cli.Commands;

/// <summary>
/// 'faceoff compare &lt;baseline&gt; &lt;current&gt;': the regression gate between two campaign reports. A cell
/// regresses only when its current ÷ baseline ratio is past the policy threshold with the whole confidence
/// interval on the bad side, so noise alone never fails a build. Exit 0 when nothing regressed, 1 on any
/// regression (or a cell missing or failed in the current run), 2 when an input cannot be read.
/// </summary>
internal sealed class CompareCommand : Command
{
    public CompareCommand()
        : base(
            "compare",
            "Compare a run against a baseline run, cell by cell (profile × scenario × concurrency): throughput and p95 "
            + "latency ratios with confidence intervals, and peak RSS growth, against a regression policy. A cell regresses only when "
            + "its whole interval is past a threshold; past it within noise is inconclusive. Exit 0 if nothing regressed, 1 on any "
            + "regression or a cell missing or failed in the current run, 2 on an unreadable report or policy.")
    {
        var baseline = new Argument<string>("baseline") { Description = "The baseline run's phased_campaign_report.json, or its run directory." };
        var current = new Argument<string>("current") { Description = "The current run's phased_campaign_report.json, or its run directory." };
        var policy = new Option<string?>("--policy")
        {
            Description = "Regression policy JSON: latency_regression_ratio, throughput_floor_ratio, memory_growth_kb_max, memory_growth_ratio "
                + "(the seed's policy.json format). Default: the seed's policy (1.15, 0.75, 16384, 1.5).",
            HelpName = "file",
        };
        var json = new Option<string?>("--json")
        {
            Description = "Also write the comparison, every cell with its intervals and explanations, as JSON to this file.",
            HelpName = "out",
        };
        Arguments.Add(baseline);
        Arguments.Add(current);
        Options.Add(policy);
        Options.Add(json);
        SetAction(parse => Run(parse, parse.GetValue(baseline)!, parse.GetValue(current)!, parse.GetValue(policy), parse.GetValue(json)));
    }

    private static int Run(ParseResult parse, string baselinePath, string currentPath, string? policyPath, string? jsonPath)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var baseline = ReportFile.Load(baselinePath);
        var current = ReportFile.Load(currentPath);
        var policy = policyPath is null ? RegressionPolicy.ArlenDefault : LoadPolicy(policyPath, error);
        var problems = baseline.Errors.Concat(current.Errors).ToList();
        if (baseline.Report is { Sides.Count: 0 })
        {
            // An empty baseline (say, a run stopped by its parity gate) would pass every current run.
            problems.Add($"{baseline.Path}: $.sides: the baseline has no measured cells, so there is nothing to compare against");
        }
        foreach (var problem in problems)
        {
            error.WriteLine(problem);
        }
        if (problems.Count > 0 || policy is null)
        {
            error.WriteLine("faceoff: compare needs two readable campaign reports and a valid policy; nothing was compared.");
            return ExitCodes.Usage;
        }

        var settings = GateCells.Settings(current.Report!);
        var (baselineCells, currentCells) = GateCells.Map(baseline.Report!, current.Report!);
        var report = RegressionGate.Evaluate(baselineCells, currentCells, policy, settings);
        var rows = CompareRows.From(report, settings);
        var summary = CompareOutput.Summary(rows, report.Passed);
        if (jsonPath is not null)
        {
            var document = CompareJson.Document(
                new(baseline.Path, baseline.Report!.RunId), new(current.Path, current.Report!.RunId), policy, policyPath, settings, report, rows, summary);
            try
            {
                AtomicFile.WriteAllText(jsonPath, CompareJson.Serialize(document));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"{jsonPath}: cannot write the JSON result: {e.Message}");
                return ExitCodes.Usage;
            }
        }

        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        CompareOutput.Write(rows, CompareOutput.PolicyLine(policy, policyPath, settings), summary, report.Passed, terminal, output);
        return report.Passed ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>The policy in the file, or null after printing every located problem with it.</summary>
    private static RegressionPolicy? LoadPolicy(string path, TextWriter error)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            error.WriteLine($"{path}: no such policy file");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{path}: cannot read the policy: {e.Message}");
            return null;
        }

        var result = RegressionPolicyLoader.Parse(text, path);
        foreach (var problem in result.Errors)
        {
            error.WriteLine(problem.ToString());
        }
        return result.Policy;
    }
}
