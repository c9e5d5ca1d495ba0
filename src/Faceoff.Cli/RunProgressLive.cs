using System.Globalization;
using Faceoff.Campaign.Execution;
using Faceoff.Campaign.Model;
using Faceoff.Reporting.Model;
using Faceoff.Statistics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Faceoff.Cli;

/// <summary>
/// The live display on a terminal: phase, pair, profile, step, repeat, live req/s, cells done of total and ETA,
/// with the latest notices under it. Events only update fields; a render loop draws them four times a second.
/// </summary>
internal sealed class RunProgressLive(TimeProvider clock) : ICampaignObserver
{
    private const int RecentLines = 6;
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly RunEta _eta = new(clock);
    private readonly Queue<string> _recent = new();
    private string _phase = "starting";
    private PassContext? _pass;
    private double _liveRps;
    private int _done;
    private int _total;

    /// <summary>Runs <paramref name="run"/> under the live display and returns its result once the display is closed.</summary>
    public async Task<T> ShowWhileAsync<T>(Func<Task<T>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        T result = default!;
        await AnsiConsole.Live(Render()).AutoClear(false).StartAsync(async ctx =>
        {
            var task = run();
            while (!task.IsCompleted)
            {
                await Task.WhenAny(task, Task.Delay(Refresh, CancellationToken.None)).ConfigureAwait(false);
                ctx.UpdateTarget(Render());
            }
            result = await task.ConfigureAwait(false);
            ctx.UpdateTarget(Render());
        }).ConfigureAwait(false);
        return result;
    }

    public void PhaseStarted(CampaignPhase phase, string description) => Update(() =>
    {
        _phase = description;
        _pass = null;
        Remember(description);
    });

    public void Notice(NoticeLevel level, string message) => Update(() => Remember(level switch
    {
        NoticeLevel.Error => $"[red]{Markup.Escape(message)}[/]",
        NoticeLevel.Warning => $"[yellow]{Markup.Escape(message)}[/]",
        _ => Markup.Escape(message),
    }, escaped: true));

    // The engine reports about once a second, so a short pass may show none: the last rate stays up until then.
    public void PassStarted(PassContext pass) => Update(() =>
    {
        _eta.PassStarted();
        _pass = pass;
        _phase = pass.Kind == PassKind.ServerWarmup ? $"{pass.Pair}: warming {pass.Profile} until stable" : $"{pass.Pair}: measuring";
    });

    public void PassLive(PassContext pass, double requestsPerSecond) => Update(() => _liveRps = requestsPerSecond);

    public void PassFinished(PassContext pass, PassMeasurement summary)
    {
        Update(() => _liveRps = summary.ThroughputRps);
        if (pass.Kind == PassKind.Measured)
        {
            Update(() => Remember($"{pass.Pair} c={pass.Concurrency} {pass.Scenario} {pass.Side.Short()} r{pass.Repeat}/{pass.Repeats} {Rps(summary.ThroughputRps)} req/s"));
        }
    }

    public void CellFinished(CellRecord cell, int done, int total)
    {
        _eta.CellFinished();
        Update(() =>
        {
            _done = done;
            _total = total;
            if (cell.Status == CellStatus.Failed)
            {
                Remember($"[red]cell {Markup.Escape(cell.Key.ToString())} failed: {Markup.Escape(string.Join("; ", cell.Failures.Select(f => f.OneLine)))}[/]", escaped: true);
            }
        });
    }

    private Rows Render()
    {
        lock (_gate)
        {
            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            grid.AddRow(new Markup("[bold]phase[/]"), new Text(_phase));
            if (_pass is { } p)
            {
                var kind = p.Kind switch
                {
                    PassKind.Measured => $"r{p.Repeat}/{p.Repeats}",
                    PassKind.Warmup => $"warmup {p.Repeat}/{p.Repeats}",
                    _ => $"warming until stable, pass {p.Repeat}",
                };
                grid.AddRow(new Markup("[bold]pass[/]"), new Text($"{p.Pair}  {p.Side.Short()} {p.Profile}  c={p.Concurrency}  {p.Scenario}  {kind}"));
                grid.AddRow(new Markup("[bold]req/s[/]"), new Markup($"[green]{Rps(_liveRps)}[/]"));
            }
            if (_total > 0)
            {
                var eta = _eta.Remaining(_done, _total) is { } left ? $"  ETA {RunEta.Format(left)}" : "";
                grid.AddRow(new Markup("[bold]cells[/]"), new Text($"{_done}/{_total}{eta}"));
            }
            var recent = new Rows(_recent.Select(line => (IRenderable)new Markup($"[grey]{line}[/]")));
            return new Rows(new Panel(grid).Header("faceoff run").Border(BoxBorder.Rounded), recent);
        }
    }

    private void Update(Action change)
    {
        lock (_gate)
        {
            change();
        }
    }

    private void Remember(string line, bool escaped = false)
    {
        _recent.Enqueue($"{clock.GetLocalNow():HH:mm:ss} {(escaped ? line : Markup.Escape(line))}");
        while (_recent.Count > RecentLines)
        {
            _recent.Dequeue();
        }
    }

    private static string Rps(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
