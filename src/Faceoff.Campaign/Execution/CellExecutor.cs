using Faceoff.Campaign.Model;
using Faceoff.Protocol.Model;
using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Execution;

/// <summary>The result of one cell: its record and the files of its measured passes (run-relative path → content).</summary>
internal sealed record CellResult(CellRecord Record, IReadOnlyDictionary<string, string> PassFiles);

/// <summary>
/// Runs one launch of one cell on servers that are already up and warm: this launch's measured repeats alternating
/// sides (cand r1, ref r1, cand r2, ref r2, …) so drift of the machine over the cell cannot favour one side, each
/// side's short fixed warmup at this step immediately before its first repeat (cand w, cand r1, ref w, ref r1, …). The record carries on from the cell's earlier launches:
/// their passes and servers stay, repeats count on (launch l's are (l−1)·R+1 … l·R) and every pass carries its
/// launch. The first server failure ends the cell; the passes measured before it stay in the record.
/// </summary>
internal static class CellExecutor
{
    /// <param name="slots">Candidate first, then reference: the order every alternation follows.</param>
    /// <param name="earlier">The cell's record after its earlier launches (completed, fewer launches done); null for its first.</param>
    /// <param name="launch">The launch the slots' processes serve (1-based).</param>
    public static async Task<CellResult> RunAsync(
        RunContext context,
        CellKey key,
        IReadOnlyList<ServerSlot> slots,
        CellRecord? earlier,
        int launch,
        CancellationToken cancellationToken)
    {
        var protocol = context.Protocol;
        var scenario = protocol.Scenarios[key.Scenario];
        var startedAt = earlier?.StartedAt ?? context.Now;
        var servers = (earlier?.Servers ?? []).Concat(slots.Select(s => s.Use(context.Store))).ToList();
        var passes = new List<PassRecord>(earlier?.Passes ?? []);
        var launches = protocol.Measured.Launches;
        var firstRepeat = (launch - 1) * protocol.Measured.Repeats;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        ServerFailure? failure = null;
        var database = context.Backend.Database;

        async Task<bool> Run(ServerSlot slot, PassKind kind, int repeat, PassPlan plan)
        {
            var measured = kind == PassKind.Measured;
            var server = slot.Server!;
            var pass = new PassContext(key.Pair, key.Scenario, key.Concurrency, slot.Side, slot.Profile, kind, repeat,
                measured ? plan.TotalRepeats : plan.Repeats, launch, launches);
            var request = new PassRequest(server.BaseUri, scenario, key.Concurrency, PassBound.Of(plan),
                measured ? protocol.Parity.SampleEvery : 0, KeepLoadResult: measured);
            DatabaseSteps.PassWatch? watch;
            try
            {
                watch = await DatabaseSteps.PassWatch.StartAsync(database, scenario, measured, cancellationToken).ConfigureAwait(false);
            }
            catch (CampaignDatabaseException e)
            {
                failure = DatabaseFailure(slot, DatabaseSteps.Reason(e));
                return false;
            }
            var attempt = await PassRunner.RunAsync(context, server, pass, request, meter: measured, cancellationToken).ConfigureAwait(false);
            if (attempt.Failure is not null)
            {
                watch?.Abandon();
                failure = database is { IsAlive: false } ? DatabaseFailure(slot, $"{DatabaseSteps.WentAway}: {attempt.Failure.OneLine}") : attempt.Failure;
                return false;
            }
            // Set here, not by the backend: whatever measured the pass, the runner alone knows which launch it served.
            var outcome = attempt.Outcome! with { Measurement = attempt.Outcome!.Measurement with { Launch = launch } };
            if (watch is not null)
            {
                try
                {
                    outcome = outcome with { Measurement = await watch.FinishAsync(outcome.Measurement, cancellationToken).ConfigureAwait(false) };
                }
                catch (CampaignDatabaseException e)
                {
                    failure = DatabaseFailure(slot, DatabaseSteps.Reason(e));
                    return false;
                }
            }
            string? resultPath = null, logPath = null;
            if (measured)
            {
                var (result, log) = key.PassFiles(slot.Side, slot.Profile, repeat);
                resultPath = Keep(files, result, outcome.LoadResultJson);
                logPath = Keep(files, log, outcome.HistogramLog);
            }
            passes.Add(new PassRecord(passes.Count + 1, kind, slot.Side, slot.Profile, repeat, attempt.StartedAt,
                outcome.Measurement, resultPath, logPath));
            return true;
        }

        var warmup = protocol.Warmup.Fixed;
        var ok = true;
        if (await DatabaseSteps.BeforeCellAsync(database, scenario, cancellationToken).ConfigureAwait(false) is { } reason)
        {
            failure = DatabaseFailure(slots[0], reason);
            ok = false;
        }
        for (var repeat = firstRepeat + 1; ok && repeat <= firstRepeat + protocol.Measured.Repeats; repeat++)
        {
            foreach (var slot in slots)
            {
                // Each side's warmup runs right before its own first repeat: warming both sides first left the
                // candidate idle through the reference's warmup, and a c=1 first repeat then ran at a third of the rest.
                var firstOfLaunch = repeat == firstRepeat + 1;
                for (var w = 1; ok && firstOfLaunch && w <= warmup.Repeats; w++)
                {
                    ok = await Run(slot, PassKind.Warmup, w, warmup).ConfigureAwait(false);
                }
                ok = ok && await Run(slot, PassKind.Measured, repeat, protocol.Measured).ConfigureAwait(false);
            }
        }

        var record = new CellRecord(
            key.Pair, key.Scenario, key.Concurrency, slots[0].Profile, slots[1].Profile,
            failure is null ? CellStatus.Completed : CellStatus.Failed,
            startedAt, context.Now, servers, passes, failure is null ? [] : [failure],
            failure is null ? (earlier?.LaunchesDone ?? 0) + 1 : earlier?.LaunchesDone ?? 0, earlier?.Discarded);
        return new CellResult(record, files);
    }

    /// <summary>A cell that could not run because a server was unavailable: recorded at once, no load sent; earlier launches' passes stay.</summary>
    public static CellResult Unavailable(
        RunContext context, CellKey key, IReadOnlyList<ServerSlot> slots, CellRecord? earlier, IReadOnlyList<ServerFailure> failures) =>
        new(new CellRecord(key.Pair, key.Scenario, key.Concurrency, slots[0].Profile, slots[1].Profile, CellStatus.Failed,
            earlier?.StartedAt ?? context.Now, context.Now,
            [.. earlier?.Servers ?? [], .. slots.Where(s => s.Server is not null).Select(s => s.Use(context.Store))],
            earlier?.Passes ?? [], failures, earlier?.LaunchesDone ?? 0, earlier?.Discarded),
            new Dictionary<string, string>());

    private static ServerFailure DatabaseFailure(ServerSlot slot, string message) =>
        new(slot.Side, slot.Profile, ServerFailureKind.DatabaseWentAway, message, null, null, null, null);

    private static string? Keep(Dictionary<string, string> files, string path, string? content)
    {
        if (content is null)
        {
            return null;
        }
        // Add, not overwrite: two passes naming one file would silently lose a measurement.
        files.Add(path, content);
        return path;
    }
}
