using Faceoff.Load;
using Spectre.Console;

namespace Faceoff.Cli;

/// <summary>Runs the engine with a live progress line on a terminal, and silently when output is redirected.</summary>
internal static class LoadProgressDisplay
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);

    public static async Task<LoadResult> RunAsync(LoadOptions options, CancellationToken ct)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await LoadEngine.RunAsync(options, null, ct).ConfigureAwait(false);
        }

        var latest = new LatestProgress();
        LoadResult? result = null;
        await AnsiConsole.Live(new Markup("[grey]starting…[/]")).AutoClear(true).StartAsync(async ctx =>
        {
            var run = LoadEngine.RunAsync(options, latest, ct);
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(Refresh, CancellationToken.None)).ConfigureAwait(false);
                if (latest.Value is { } p)
                {
                    ctx.UpdateTarget(new Markup(
                        $"[bold]{p.Elapsed.TotalSeconds,6:0.0} s[/]  requests [green]{p.Completed}[/]  " +
                        $"req/s [green]{p.RequestsPerSecond:0}[/]  errors {(p.Errors > 0 ? $"[red]{p.Errors}[/]" : "0")}"));
                }
            }

            result = await run.ConfigureAwait(false);
        }).ConfigureAwait(false);
        return result!;
    }

    /// <summary>Keeps only the newest report; no synchronisation context is involved.</summary>
    private sealed class LatestProgress : IProgress<LoadProgress>
    {
        private LoadProgress? _value;

        public LoadProgress? Value => Volatile.Read(ref _value);

        public void Report(LoadProgress value) => Volatile.Write(ref _value, value);
    }
}
