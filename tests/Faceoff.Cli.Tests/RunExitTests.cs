using Faceoff.Campaign;
using Faceoff.Campaign.Execution;
using Faceoff.Cli.Tests.Compare;
using Faceoff.Reporting.Model;
using Faceoff.Statistics;

namespace Faceoff.Cli.Tests;

/// <summary>The exit code of 'faceoff run' for a campaign whose pack was written.</summary>
public sealed class RunExitTests
{
    private const string Violations = "58 contract violation(s) under load";

    private static CampaignReport Report(bool violations, bool skipParity)
    {
        var report = CompareReports.Build("exit", CompareReports.Typical());
        return report with
        {
            Environment = report.Environment with { SkipParity = skipParity },
            Sides = [.. report.Sides.Select((side, i) => violations && i == 1
                ? side with { Statistics = side.Statistics with { Issues = [new QualityIssue(QualityIssueKind.ContractViolations, Violations)] } }
                : side)],
        };
    }

    private static (int Code, string Output, string Error) Print(CampaignReport report)
    {
        var outcome = new CampaignOutcome(CampaignResult.Completed, "/runs/exit", null, [], new PublishOutcome(true, null, [], true, report));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = RunConsoleReport.Print(outcome, terminal: false, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Contract_violations_under_load_exit_with_the_parity_code_naming_the_cells_after_the_pack()
    {
        var report = Report(violations: true, skipParity: false);
        var (code, output, error) = Print(report);

        Assert.Equal(ExitCodes.ParityFailure, code);
        var side = report.Sides[1].Key;
        Assert.Equal([side], report.ContractViolationSides);
        Assert.Contains("contract violations under load in 1 cell side(s): " + side, error, StringComparison.Ordinal);
        Assert.Contains("report: /runs/exit", output, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Sides[0].Key, error, StringComparison.Ordinal);
    }

    [Fact]
    public void With_parity_skipped_violations_are_named_but_the_exit_stays_zero()
    {
        var (code, _, error) = Print(Report(violations: true, skipParity: true));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("parity skipped, not publishable", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_campaign_exits_zero_without_a_message()
    {
        var (code, _, error) = Print(Report(violations: false, skipParity: false));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(string.Empty, error);
    }
}
