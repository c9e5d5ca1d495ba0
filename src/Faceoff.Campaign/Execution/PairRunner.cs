using Faceoff.Campaign.Model;
using Faceoff.Protocol.Model;

using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Execution;

/// <summary>
/// Runs every cell of one pair on one candidate and one reference server that stay up for the whole
/// pair (ports from the pair definition). Cells already on disk are skipped; a server that fails is
/// restarted (and re-warmed) for the next cell; one that cannot start fails the pair's remaining cells.
/// </summary>
internal sealed class PairRunner(RunContext context, PairDefinition pair, CellCounter counter)
{
    private readonly CampaignProtocol _protocol = context.Protocol;

    /// <summary>The pair's cells in run order: ladder step outer, scenario inner.</summary>
    public static IEnumerable<CellKey> CellsOf(CampaignProtocol protocol, PairDefinition pair) =>
        from step in protocol.LadderFor(pair)
        from scenario in protocol.ScenariosFor(pair)
        select new CellKey(pair.Name, scenario.Id, step);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var pending = CellsOf(_protocol, pair).Where(key => !IsDone(key)).ToList();
        if (pending.Count == 0)
        {
            return;
        }
        await using var candidate = new ServerSlot(Spec(Side.Candidate));
        await using var reference = new ServerSlot(Spec(Side.Reference));
        ServerSlot[] slots = [candidate, reference];
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
            var result = await RunCellAsync(key, slots, cancellationToken).ConfigureAwait(false);
            context.Store.WriteCell(result.Record, result.PassFiles);
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

    private async Task RestartDatabaseAsync(ICampaignDatabase database, CancellationToken cancellationToken)
    {
        context.Observer.Notice(NoticeLevel.Warning, $"{pair.Name}: {DatabaseSteps.WentAway}; starting a new one and seeding it for the next cell");
        if (await database.RestartAsync(cancellationToken).ConfigureAwait(false) is { } error)
        {
            context.Observer.Notice(NoticeLevel.Error, $"{pair.Name}: the database could not be restarted: {error}");
        }
    }

    private bool IsDone(CellKey key) => context.Store.ReadCell(key)?.Status == CellStatus.Completed;

    private async Task<CellResult> RunCellAsync(CellKey key, ServerSlot[] slots, CancellationToken cancellationToken)
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
            ? CellExecutor.Unavailable(context, key, slots, failures)
            : await CellExecutor.RunAsync(context, key, slots, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Make the slot's server ready for a cell: start it if needed and, before the first cell of each scenario on
    /// this process, warm that scenario until stable at the cell's step. Warming only the first scenario left
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
            $"{pair.Name}: warming {slot.Side.Long()} {slot.Profile} on {key.Scenario} until stable (cv < {rule.MaxCv:0.###} over {rule.WindowSeconds} s, at most {rule.MaxSeconds:0.#} s)");
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

/// <summary>Cells finished so far across the whole run (resumed ones included), for progress.</summary>
internal sealed class CellCounter(int done, int total)
{
    public int Done { get; private set; } = done;

    public int Total { get; } = total;

    public int Finish() => ++Done;
}
