using Faceoff.Campaign.Model;
using Faceoff.Campaign.Storage;

using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Execution;

/// <summary>
/// One side of a pair: its server process across the pair's cells. A crashed or unresponsive server
/// is discarded and started again for the next cell; one that cannot start stays failed for the pair,
/// so the remaining cells fail at once instead of each waiting out a readiness timeout.
/// </summary>
internal sealed class ServerSlot(ServerSpec spec) : IAsyncDisposable
{
    public ServerSpec Spec { get; } = spec;

    public Side Side => Spec.Side;

    public string Profile => Spec.Profile.Id;

    /// <summary>The running server; null before the first start and after a discard.</summary>
    public IServer? Server { get; private set; }

    /// <summary>How the running server was warmed after it started; null before that or without until-stable warmup.</summary>
    public ServerWarmupRecord? Warmup { get; set; }

    /// <summary>Scenarios already warmed on the running process: each gets its own warmup before its first measured cell.</summary>
    public HashSet<string> WarmScenarios { get; } = new(StringComparer.Ordinal);

    /// <summary>The launch (1-based) the slot's processes serve; a restart after a crash stays in the same launch.</summary>
    public int Launch { get; set; } = 1;

    /// <summary>Why the server could not be started, once that has happened in this pair.</summary>
    public ServerFailure? StartFailure { get; private set; }

    /// <summary>Start the server when none is running. Returns true when a new process was started.</summary>
    public async Task<bool> EnsureStartedAsync(RunContext context, CancellationToken cancellationToken)
    {
        if (StartFailure is not null || Server is { HasExited: false })
        {
            return false;
        }
        if (Server is { } dead)
        {
            // Died while idle between cells: no cell lost data, but the reader should know the process changed.
            context.Observer.Notice(NoticeLevel.Warning, dead.DescribeFailure(Side, Profile, ServerFailureKind.Crashed, "exited between cells; starting it again").OneLine);
        }
        await DiscardAsync().ConfigureAwait(false);
        var launches = context.Protocol.Measured.Launches;
        context.Observer.PhaseStarted(CampaignPhase.ServerStart,
            $"{Spec.Pair}: starting {Side.Long()} {Profile} on port {Spec.Port}" + (launches > 1 ? $" (launch {Launch}/{launches})" : ""));
        var start = await context.Backend.StartServerAsync(Spec, cancellationToken).ConfigureAwait(false);
        if (start.Server is null)
        {
            StartFailure = start.Failure
                ?? new ServerFailure(Side, Profile, ServerFailureKind.StartFailed, "the server did not start", null, null, null, null);
            context.Observer.Notice(NoticeLevel.Error, StartFailure.OneLine);
            return false;
        }
        Server = start.Server;
        Warmup = null;
        WarmScenarios.Clear();
        return true;
    }

    /// <summary>The running server as a cell records it.</summary>
    public ServerUse Use(RunStore store) =>
        new(Side, Profile, Server!.Pid, Path.GetRelativePath(store.RunDirectory, Server.LogPath), Warmup, Launch);

    /// <summary>Stop and forget the server (after a crash or hang), so the next cell starts a fresh one.</summary>
    public async Task DiscardAsync()
    {
        if (Server is { } server)
        {
            Server = null;
            await server.StopAsync().ConfigureAwait(false);
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => new(DiscardAsync());
}
