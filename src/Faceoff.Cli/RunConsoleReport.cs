using Faceoff.Campaign;
using Faceoff.Reporting;
using Faceoff.Reporting.Model;

namespace Faceoff.Cli;

/// <summary>The end of 'faceoff run': the comparison table, the claims, where the outputs are, and the exit code.</summary>
internal static class RunConsoleReport
{
    public static int Print(CampaignOutcome outcome, bool terminal, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Result == CampaignResult.Refused)
        {
            error.WriteLine($"faceoff: {outcome.Message}");
            return ExitCodes.Usage;
        }

        var aa = outcome.Publication?.Report?.Aa;
        if (outcome.Publication?.Report is { } report)
        {
            RunSummaryOutput.Write(report, terminal, output);
        }
        if (outcome.RunDirectory is { } runDirectory)
        {
            output.WriteLine($"run directory: {runDirectory}");
            if (outcome.Publication is { Succeeded: true } publication)
            {
                output.WriteLine($"report: {Path.Combine(runDirectory, PublicationFiles.Html)}");
                output.WriteLine(publication.LatestUpdated ? "latest pointers updated" : "latest pointers not updated (only a run that reached its end moves them)");
            }
        }
        if (outcome.Publication is { Succeeded: false, Error: { } publishError })
        {
            error.WriteLine($"faceoff: {publishError}");
        }

        var failedCells = outcome.Cells.Count(c => c.Status == CellStatus.Failed);
        var published = outcome.Publication?.Report;
        var violations = published?.ContractViolationSides ?? [];
        if (violations.Count > 0 && published!.Environment.SkipParity)
        {
            // The user chose to skip parity: the rows are already not publishable, and the exit stays theirs.
            error.WriteLine($"faceoff: contract violations under load (parity skipped, not publishable): {string.Join(", ", violations)}");
        }
        var (code, message) = outcome.Result switch
        {
            CampaignResult.ParityFailed => (ExitCodes.ParityFailure, outcome.Message),
            CampaignResult.PrepareFailed => (ExitCodes.Failure, outcome.Message),
            CampaignResult.Interrupted => (ExitCodes.Interrupted, outcome.Message),
            _ when violations.Count > 0 && !published!.Environment.SkipParity => (ExitCodes.ParityFailure,
                $"contract violations under load in {violations.Count} cell side(s): {string.Join(", ", violations)}; the apps did not do the same work while measured (pack written, rows not publishable)"),
            CampaignResult.CompletedWithFailures => (ExitCodes.Failure, $"{failedCells} cell(s) failed; see the report's notes and the server logs"),
            _ when outcome.Publication is { Succeeded: false } => (ExitCodes.Failure, "the publication pack is incomplete"),
            _ when aa is { Passed: false } => (ExitCodes.Failure, $"A/A check failed: {aa.Neutral} of {aa.Rows} row(s) neutral, below {AaCheck.BarPercent}%"),
            _ => (ExitCodes.Success, null),
        };
        if (message is not null)
        {
            error.WriteLine($"faceoff: {message}");
        }
        return code;
    }
}
