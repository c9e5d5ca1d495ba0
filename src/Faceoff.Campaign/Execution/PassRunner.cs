using Faceoff.Campaign.Model;
using Faceoff.Load;

namespace Faceoff.Campaign.Execution;

/// <summary>What one pass produced: its outcome and server cost, or the server failure that ended it.</summary>
/// <param name="Outcome">The pass, its measurement carrying the server's resources when they were metered.</param>
internal sealed record PassAttempt(PassOutcome? Outcome, ServerFailure? Failure, DateTimeOffset StartedAt);

/// <summary>
/// Runs one load pass against a server and watches the server while it does: a process that exits
/// ends the pass at once (no point loading a dead port for the rest of the duration), and a pass that
/// got no successful response at all is followed by a readiness probe to tell "slow" from "hung".
/// </summary>
internal static class PassRunner
{
    private static readonly TimeSpan ExitPollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(3);

    public static async Task<PassAttempt> RunAsync(
        RunContext context,
        IServer server,
        PassContext pass,
        PassRequest request,
        bool meter,
        CancellationToken cancellationToken)
    {
        var startedAt = context.Now;
        context.Observer.PassStarted(pass);
        var resourceMeter = meter ? server.StartMeter() : null;
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watcher = CancelWhenExitedAsync(server, watch);
        PassOutcome? outcome = null;
        try
        {
            outcome = await context.Backend
                .RunPassAsync(request, new LiveRate(context.Observer, pass), watch.Token)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The watcher cancelled the pass because the server exited; reported as a crash below.
        }
        catch (LoadHostFailedException e)
        {
            // The server may be fine: the cell fails with the load host's reason (the finally stops the watcher).
            resourceMeter?.Stop();
            return new PassAttempt(null, Failure(server, pass, ServerFailureKind.LoadHostFailed, e.Message), startedAt);
        }
        finally
        {
            await watch.CancelAsync().ConfigureAwait(false);
            await watcher.ConfigureAwait(false);
        }
        var resources = resourceMeter?.Stop();
        // On Ctrl-C the servers are killed at once (so none outlives faceoff); that is an interruption, not a crash.
        cancellationToken.ThrowIfCancellationRequested();

        if (server.HasExited || outcome is null)
        {
            return new PassAttempt(null, Failure(server, pass, ServerFailureKind.Crashed, $"exited during {Describe(pass)}"), startedAt);
        }
        outcome = outcome with { Measurement = outcome.Measurement with { Server = resources } };
        if (outcome.Measurement.Responses == 0)
        {
            var answering = await server.IsAnsweringAsync(AnswerTimeout, cancellationToken).ConfigureAwait(false);
            if (!answering)
            {
                return new PassAttempt(null,
                    Failure(server, pass, ServerFailureKind.Unresponsive, $"no successful response during {Describe(pass)} and no answer to the readiness probe"),
                    startedAt);
            }
        }
        context.Observer.PassFinished(pass, outcome.Measurement);
        return new PassAttempt(outcome, null, startedAt);
    }

    private static ServerFailure Failure(IServer server, PassContext pass, ServerFailureKind kind, string message) =>
        server.DescribeFailure(pass.Side, pass.Profile, kind, message);

    private static string Describe(PassContext pass) =>
        $"{pass.Scenario} c={pass.Concurrency} {PassLabels.Of(pass.Kind, pass.Side, pass.Repeat)}";

    private static async Task CancelWhenExitedAsync(IServer server, CancellationTokenSource watch)
    {
        using var timer = new PeriodicTimer(ExitPollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(watch.Token).ConfigureAwait(false))
            {
                if (server.HasExited)
                {
                    await watch.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The pass ended first: nothing to watch any more.
        }
    }

    // Forwards on the engine's own thread: Progress<T> would post to the thread pool and reorder updates.
    private sealed class LiveRate(ICampaignObserver observer, PassContext pass) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => observer.PassLive(pass, value.RequestsPerSecond);
    }
}
