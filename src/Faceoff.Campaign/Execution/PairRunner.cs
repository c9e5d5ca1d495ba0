using Faceoff.Campaign.Model;
using Faceoff.Protocol.Model;

using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Execution;

/// <summary>
/// Runs every cell of one pair, launch by launch (<c>measured.launches</c>): each launch starts a fresh candidate
/// and reference server (ports from the pair definition; the previous launch's are stopped first), warms every
/// scenario until stable on them and runs each pending cell's repeats for that launch. The cell file is written
/// after every launch, so a resume continues a cell at its first unfinished launch. Cells finished on disk are
/// skipped; a failed one runs again from its first launch. A server that fails is restarted (and re-warmed) for
/// the next cell and still counts as the same launch; one that cannot start fails the pair's remaining cells.
/// </summary>
internal sealed class PairRunner(RunContext context, PairDefinition pair, CellCounter counter, QuietMachine quiet)
{
    private readonly CampaignProtocol _protocol = context.Protocol;

    /// <summary>The pair's cells in run order: ladder step outer, scenario inner.</summary>
    public static IEnumerable<CellKey> CellsOf(CampaignProtocol protocol, PairDefinition pair) =>
        from step in protocol.LadderFor(pair)
        from scenario in protocol.ScenariosFor(pair)
        select new CellKey(pair.Name, scenario.Id, step);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var launches = _protocol.Measured.Launches;
        // What each unfinished cell has so far: a completed record with fewer launches carries on, anything else starts over.
        var cells = new Dictionary<CellKey, CellRecord?>();
        foreach (var key in CellsOf(_protocol, pair))
        {
            var record = context.Store.ReadCell(key);
            if (record?.IsFinished(launches) != true)
            {
                cells[key] = record?.Status == CellStatus.Completed ? record : null;
            }
        }
        if (cells.Count == 0)
        {
            return;
        }
        await using var candidate = new ServerSlot(Spec(Side.Candidate));
        await using var reference = new ServerSlot(Spec(Side.Reference));
        ServerSlot[] slots = [candidate, reference];
        for (var launch = 1; launch <= launches; launch++)
        {
            // A cell that failed in an earlier launch of this session stays failed: its record is final.
            var pending = cells.Where(c => (c.Value?.LaunchesDone ?? 0) < launch && c.Value?.Status != CellStatus.Failed)
                .Select(c => c.Key).ToList();
            if (pending.Count == 0)
            {
                continue;
            }
            foreach (var slot in slots)
            {
                // A launch is a fresh process pair: its JIT, heap layout and address-space luck are its own.
                await slot.DiscardAsync().ConfigureAwait(false);
                slot.Launch = launch;
            }
            if (launches > 1)
            {
                context.Observer.Notice(NoticeLevel.Info,
                    $"{pair.Name}: launch {launch}/{launches}: fresh servers, {pending.Count} cell(s) × {_protocol.Measured.Repeats} repeat(s)");
            }
            await RunLaunchAsync(pending, cells, slots, launch, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunLaunchAsync(
        List<CellKey> pending, Dictionary<CellKey, CellRecord?> cells, ServerSlot[] slots, int launch, CancellationToken cancellationToken)
    {
        var database = context.Backend.Database;
        var generation = database?.Generation;
        foreach (var key in pending)
        {
            if (database is not null && database.Generation != generation)
            {
                // The new cluster has a new port and password: servers started with the old {database_url} must go.
                generation = database.Generation;
                foreach (var slot in slots)
                {
                    await slot.DiscardAsync().ConfigureAwait(false);
                }
            }
            var where = _protocol.Measured.Launches > 1 ? $"{key} (launch {launch})" : key.ToString();
            await quiet.CheckAsync(where, cancellationToken).ConfigureAwait(false);
            var result = await RunCellAsync(key, slots, cells[key], launch, cancellationToken).ConfigureAwait(false);
            result = await RemeasureIfDisturbedAsync(key, where, slots, cells[key], launch, result, cancellationToken).ConfigureAwait(false);
            context.Store.WriteCell(result.Record, result.PassFiles);
            cells[key] = result.Record;
            context.Observer.CellFinished(result.Record, counter.Finish(), counter.Total);
            foreach (var failure in result.Record.Failures)
            {
                await slots.Single(s => s.Side == failure.Side).DiscardAsync().ConfigureAwait(false);
            }
            if (database is { IsAlive: false })
            {
                await RestartDatabaseAsync(database, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Measures a cell launch again, once (<see cref="DisturbedLaunch"/>), when one side's repeats spread beyond the bound; the attempt set aside goes into the record.</summary>
    private async Task<CellResult> RemeasureIfDisturbedAsync(
        CellKey key, string where, ServerSlot[] slots, CellRecord? earlier, int launch, CellResult result, CancellationToken cancellationToken)
    {
        var bound = _protocol.Reproducibility.MaxCvRatio;
        if (result.Record.Status != CellStatus.Completed || DisturbedLaunch.Find(result.Record, launch, bound) is not { } spread)
        {
            return result;
        }
        context.Observer.Notice(NoticeLevel.Warning,
            $"{where}: the {spread.Side.Long()}'s repeats on one process spread to CV {spread.Cv:0.###} (bound {bound:0.###}); measuring this cell launch again on the same servers (the attempt is kept aside, not counted)");
        var (aside, files) = DisturbedLaunch.SetAside(key, result, earlier?.Passes.Count ?? 0, launch, spread, bound, context.Now);
        await quiet.CheckAsync(where, cancellationToken).ConfigureAwait(false);
        result = await RunCellAsync(key, slots, earlier, launch, cancellationToken).ConfigureAwait(false);
        if (result.Record.Status == CellStatus.Completed && DisturbedLaunch.Find(result.Record, launch, bound) is { } still)
        {
            context.Observer.Notice(NoticeLevel.Warning,
                $"{where}: measured again, the {still.Side.Long()}'s repeats still spread to CV {still.Cv:0.###}; this attempt counts");
        }
        foreach (var (path, content) in result.PassFiles)
        {
            files.Add(path, content);
        }
        return new CellResult(result.Record with { Discarded = [.. result.Record.DiscardedLaunches, aside] }, files);
    }

    private async Task RestartDatabaseAsync(ICampaignDatabase database, CancellationToken cancellationToken)
    {
        context.Observer.Notice(NoticeLevel.Warning, $"{pair.Name}: {DatabaseSteps.WentAway}; starting a new one and seeding it for the next cell");
        if (await database.RestartAsync(cancellationToken).ConfigureAwait(false) is { } error)
        {
            context.Observer.Notice(NoticeLevel.Error, $"{pair.Name}: the database could not be restarted: {error}");
        }
    }

    private async Task<CellResult> RunCellAsync(CellKey key, ServerSlot[] slots, CellRecord? earlier, int launch, CancellationToken cancellationToken)
    {
        var failures = new List<ServerFailure>();
        foreach (var slot in slots)
        {
            if (await ReadyAsync(slot, key, cancellationToken).ConfigureAwait(false) is { } failure)
            {
                failures.Add(failure);
            }
        }
        return failures.Count > 0
            ? CellExecutor.Unavailable(context, key, slots, earlier, failures)
            : await CellExecutor.RunAsync(context, key, slots, earlier, launch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Make the slot's server ready for a cell: start it if needed and, before the first cell of each scenario on
    /// this process (so on every launch), warm that scenario until stable at the cell's step. Warming only the first scenario left
    /// the others' code paths cold for their first measured repeat (a 15k vs 35k req/s first repeat was seen).
    /// </summary>
    private async Task<ServerFailure?> ReadyAsync(ServerSlot slot, CellKey key, CancellationToken cancellationToken)
    {
        await slot.EnsureStartedAsync(context, cancellationToken).ConfigureAwait(false);
        if (slot.StartFailure is { } startFailure)
        {
            return startFailure;
        }
        if (_protocol.Warmup.UntilStable is not { } rule || !slot.WarmScenarios.Add(key.Scenario))
        {
            return null;
        }
        var scenario = _protocol.Scenarios[key.Scenario];
        context.Observer.PhaseStarted(CampaignPhase.ServerWarmup,
            $"{pair.Name}: warming {slot.Side.Long()} {slot.Profile} on {key.Scenario} until stable (cv < {rule.MaxCv:0.###} over {rule.WindowSeconds:0.###} s of {rule.PassSeconds:0.###} s passes, at most {rule.MaxSeconds:0.#} s)");
        var (record, failure) = await StabilityWarmup.RunAsync(context, slot, scenario, key.Concurrency, rule, cancellationToken).ConfigureAwait(false);
        slot.Warmup = record;
        context.Observer.Notice(record.Stabilised ? NoticeLevel.Info : NoticeLevel.Warning,
            $"{pair.Name}: {slot.Profile} {key.Scenario} {(record.Stabilised ? "stable" : "not stable")} after {record.Seconds:0.0} s" +
            (record.FinalCv is { } cv ? $" (cv {cv:0.###})" : ""));
        if (failure is not null)
        {
            await slot.DiscardAsync().ConfigureAwait(false);
        }
        return failure;
    }

    private ServerSpec Spec(Side side)
    {
        var profile = _protocol.Profiles[side == Side.Candidate ? pair.CandidateProfile : pair.ReferenceProfile];
        var port = side == Side.Candidate ? pair.CandidatePort : pair.ReferencePort;
        // The launcher never overwrites a log: a restarted or resumed server gets name.2.log, name.3.log…
        var name = $"{pair.Name}.{side.Long()}.{profile.Id}";
        return new ServerSpec(pair.Name, side, profile, _protocol.Frameworks[profile.FrameworkId], _protocol.Host, port, name, context.Store.PathOf("servers"));
    }
}

/// <summary>Cell launches finished so far across the whole run (resumed ones included), for progress: a cell counts once per launch.</summary>
internal sealed class CellCounter(int done, int total)
{
    public int Done { get; private set; } = done;

    public int Total { get; } = total;

    public int Finish() => ++Done;
}
