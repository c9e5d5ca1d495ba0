using System.Globalization;
using Faceoff.Campaign.Execution;
using Faceoff.Campaign.Model;

using Faceoff.Reporting.Model;

using Faceoff.Statistics;

namespace Faceoff.Cli;

/// <summary>
/// Progress as plain timestamped lines, for pipes, logs and CI: one line per phase, notice, measured pass
/// and finished cell, e.g. <c>[14:31:05] comparison_http c=8 healthz cand r2/3 41,203 req/s</c>.
/// </summary>
internal sealed class RunProgressPlain(TextWriter output, TimeProvider clock) : ICampaignObserver
{
    private readonly Lock _gate = new();
    private readonly RunEta _eta = new(clock);

    public void PhaseStarted(CampaignPhase phase, string description) => Line(description);

    public void Notice(NoticeLevel level, string message) =>
        Line(level == NoticeLevel.Info ? message : $"{level.ToString().ToLowerInvariant()}: {message}");

    public void PassStarted(PassContext pass)
    {
        _eta.PassStarted();
        if (pass.Kind == PassKind.ServerWarmup && pass.Repeat == 1)
        {
            Line($"{pass.Pair} {pass.Profile}: warming until stable at c={pass.Concurrency} ({pass.Scenario})");
        }
    }

    public void PassLive(PassContext pass, double requestsPerSecond)
    {
    }

    public void PassFinished(PassContext pass, PassMeasurement summary)
    {
        if (pass.Kind == PassKind.Measured)
        {
            var errors = summary.Errors > 0 ? $" ({summary.Errors.ToString("N0", CultureInfo.InvariantCulture)} errors)" : "";
            Line($"{pass.Pair} c={pass.Concurrency} {pass.Scenario} {pass.Side.Short()} r{pass.Repeat}/{pass.Repeats} " +
                $"{summary.ThroughputRps.ToString("N0", CultureInfo.InvariantCulture)} req/s{errors}");
        }
    }

    public void CellFinished(CellRecord cell, int done, int total)
    {
        _eta.CellFinished();
        var status = cell.Status == CellStatus.Completed ? "done" : $"FAILED: {string.Join("; ", cell.Failures.Select(f => f.OneLine))}";
        Line($"cell {done}/{total} {status}: {cell.Key}{_eta.Text(done, total)}");
    }

    private void Line(string text)
    {
        lock (_gate)
        {
            output.WriteLine($"[{clock.GetLocalNow():HH:mm:ss}] {text}");
            output.Flush();
        }
    }
}

/// <summary>
/// Estimated time left from the cells finished in this session (resumed cells took no time here), timed from
/// the first pass: prepare and the parity gate are behind by then and would only skew the rate.
/// </summary>
internal sealed class RunEta(TimeProvider clock)
{
    private long _start;
    private int _finished;

    public void PassStarted() => Interlocked.CompareExchange(ref _start, clock.GetTimestamp(), 0);

    public void CellFinished() => Interlocked.Increment(ref _finished);

    public TimeSpan? Remaining(int done, int total)
    {
        var finished = Volatile.Read(ref _finished);
        var start = Interlocked.Read(ref _start);
        return finished == 0 || done >= total || start == 0
            ? null
            : clock.GetElapsedTime(start) / finished * (total - done);
    }

    public string Text(int done, int total) => Remaining(done, total) is { } left ? $" (ETA {Format(left)})" : "";

    public static string Format(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}h{span.Minutes:00}m" : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s" : $"{span.Seconds}s";
}
