using Faceoff.Campaign.Execution;
using Faceoff.Campaign.Model;
using Faceoff.Campaign.Storage;
using Faceoff.Protocol.Model;

using Faceoff.Reporting.Model;

namespace Faceoff.Campaign;

/// <summary>What to run and where.</summary>
/// <param name="Protocol">The resolved protocol, overrides applied.</param>
/// <param name="MeasurementSettings">Run settings that change measurements (CPU pinning…): part of the resume hash.</param>
public sealed record CampaignRequest(
    CampaignProtocol Protocol,
    string OutputDirectory,
    string RunId,
    bool Resume,
    RunFlags Flags,
    IReadOnlyDictionary<string, string> MeasurementSettings);

public enum CampaignResult
{
    /// <summary>Every cell completed.</summary>
    Completed,

    /// <summary>The run reached its end but at least one cell failed.</summary>
    CompletedWithFailures,

    Interrupted,
    ParityFailed,
    PrepareFailed,

    /// <summary>Nothing ran: the run directory could not be created or resumed.</summary>
    Refused,
}

public sealed record CampaignOutcome(
    CampaignResult Result,
    string? RunDirectory,
    string? Message,
    IReadOnlyList<CellRecord> Cells,
    PublishOutcome? Publication);

/// <summary>
/// The campaign from start to end: prepare, parity gate, then each pair's cells, then the publication.
/// Each finished cell is on disk before the next starts, so a crash, a kill or Ctrl-C loses at most the
/// cell in progress, and <c>--resume</c> continues from the files.
/// </summary>
public sealed class CampaignRunner(ICampaignBackend backend, ICampaignPublisher publisher, ICampaignObserver observer, TimeProvider clock)
{
    public const string ResolvedProtocolFile = "resolved_protocol.json";

    public async Task<CampaignOutcome> RunAsync(CampaignRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var protocol = request.Protocol;
        var hash = ResolvedProtocol.Hash(protocol, request.MeasurementSettings);
        var now = clock.GetUtcNow();
        var opening = request.Resume
            ? RunStore.Resume(request.OutputDirectory, request.RunId, hash, request.Flags, now)
            : RunStore.Create(request.OutputDirectory, request.RunId, protocol.Name, hash, request.Flags, now);
        if (opening.Store is not { } store)
        {
            return new CampaignOutcome(CampaignResult.Refused, null, opening.Error, [], null);
        }
        var context = new RunContext(protocol, backend, observer, store, clock);
        store.WriteText(ResolvedProtocolFile, ResolvedProtocol.ToJson(protocol));
        // Said before any load is sent: the minutes to come cannot give what the user is waiting for.
        foreach (var warning in PlanWarnings.For(protocol))
        {
            observer.Notice(NoticeLevel.Warning, warning);
        }

        CampaignResult result;
        string? message = null;
        try
        {
            var gate = await GateAsync(context, request, cancellationToken).ConfigureAwait(false);
            if (gate is not null)
            {
                return new CampaignOutcome(gate.Value.Result, store.RunDirectory, gate.Value.Message, [], null);
            }
            await MeasureAsync(context, cancellationToken).ConfigureAwait(false);
            result = CampaignResult.Completed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = CampaignResult.Interrupted;
            message = "interrupted: finished cells are kept; continue with --resume " + store.RunId;
            observer.Notice(NoticeLevel.Warning, message);
        }

        var interrupted = result == CampaignResult.Interrupted;
        store.Update(s => s with
        {
            Status = interrupted ? RunJournalStatus.Interrupted : RunJournalStatus.Completed,
            FinishedAt = clock.GetUtcNow(),
            Message = message,
        }, clock.GetUtcNow());
        var cells = store.ReadAllCells();
        if (!interrupted && cells.Any(c => c.Status == CellStatus.Failed))
        {
            result = CampaignResult.CompletedWithFailures;
        }

        // Every server is stopped by now; the database goes too, so its files are settled before they are bundled.
        await backend.ReleaseAsync().ConfigureAwait(false);
        // Publication must finish even when the run was cancelled: it is what makes the partial run usable.
        observer.PhaseStarted(CampaignPhase.Publish, "writing the report, manifest and bundle");
        var publication = await publisher
            .PublishAsync(new PublishInput(protocol, store, cells, UpdateLatest: !interrupted), CancellationToken.None)
            .ConfigureAwait(false);
        if (!publication.Succeeded)
        {
            observer.Notice(NoticeLevel.Error, $"publication failed: {publication.Error}");
        }
        return new CampaignOutcome(result, store.RunDirectory, message, cells, publication);
    }

    /// <summary>Prepare and the parity gate; returns the result that stops the run, or null to go on measuring.</summary>
    private async Task<(CampaignResult Result, string Message)?> GateAsync(RunContext context, CampaignRequest request, CancellationToken cancellationToken)
    {
        var store = context.Store;
        observer.PhaseStarted(CampaignPhase.Prepare, "building the apps and resolving runtimes");
        var prepared = await backend.PrepareAsync(store.RunDirectory, cancellationToken).ConfigureAwait(false);
        store.Update(s => s with { Prepare = prepared.Facts }, clock.GetUtcNow());
        if (!prepared.Succeeded)
        {
            var message = $"prepare failed: {prepared.Error}";
            store.Update(s => s with { Status = RunJournalStatus.PrepareFailed, Message = message, FinishedAt = clock.GetUtcNow() }, clock.GetUtcNow());
            return (CampaignResult.PrepareFailed, message);
        }

        if (store.State.Parity == ParityStatus.Passed)
        {
            observer.Notice(NoticeLevel.Info, "parity gate already passed in this run; not repeated on resume");
        }
        else if (request.Flags.SkipParity is { } origin)
        {
            observer.Notice(NoticeLevel.Warning,
                $"PARITY GATE SKIPPED ({origin}): the apps are not proven to do the same work; every comparison is marked not publishable");
            store.Update(s => s with { Parity = ParityStatus.Skipped, ParityFirstDifference = null, ParityChecks = [] }, clock.GetUtcNow());
        }
        else
        {
            observer.PhaseStarted(CampaignPhase.Parity, "parity gate: checking every scenario contract on every framework");
            var parity = await backend.RunParityAsync(store.RunDirectory, cancellationToken).ConfigureAwait(false);
            if (!parity.Passed)
            {
                var message = $"parity gate failed: {parity.FirstDifference} (report: {store.PathOf(parity.ReportPath ?? "")})";
                store.Update(s => s with
                {
                    Parity = ParityStatus.Failed,
                    ParityReportPath = parity.ReportPath,
                    ParityFirstDifference = parity.FirstDifference,
                    ParityChecks = parity.Checks,
                    Status = RunJournalStatus.ParityFailed,
                    Message = message,
                    FinishedAt = clock.GetUtcNow(),
                }, clock.GetUtcNow());
                return (CampaignResult.ParityFailed, message);
            }
            store.Update(s => s with
            {
                Parity = ParityStatus.Passed,
                ParityReportPath = parity.ReportPath,
                ParityFirstDifference = null,
                ParityChecks = parity.Checks,
            }, clock.GetUtcNow());
        }
        return null;
    }

    private static async Task MeasureAsync(RunContext context, CancellationToken cancellationToken)
    {
        var protocol = context.Protocol;
        var store = context.Store;
        store.Update(s => s with { TimingStartedAt = s.TimingStartedAt ?? context.Now }, context.Now);
        var all = protocol.Pairs.SelectMany(p => PairRunner.CellsOf(protocol, p)).ToList();
        // Progress counts cell launches: a cell finishes once per launch.
        var launches = protocol.Measured.Launches;
        var done = all.Sum(key => store.ReadCell(key) is { Status: CellStatus.Completed } cell ? Math.Min(cell.LaunchesDone, launches) : 0);
        var total = all.Count * launches;
        if (done > 0)
        {
            context.Observer.Notice(NoticeLevel.Info, launches == 1
                ? $"resuming: {done} of {all.Count} cells already measured"
                : $"resuming: {done} of {total} cell launches already measured ({all.Count} cells × {launches} launches)");
        }
        var counter = new CellCounter(done, total);
        var quiet = new QuietMachine(context);
        foreach (var pair in protocol.Pairs)
        {
            await new PairRunner(context, pair, counter, quiet).RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
