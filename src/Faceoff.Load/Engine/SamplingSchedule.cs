namespace Faceoff.Load.Engine;

/// <summary>
/// Which started requests of one worker are captured for the contract sampler: every
/// <see cref="EnginePlan.SampleEvery"/>-th and, with a floor, the first on every connection and whenever
/// the worker is behind its share of the sampling floor (<see cref="LoadOptions.MinSampled"/>) for how far the pass
/// has got, so the floor is spread over the pass instead of spent at its start. A pass of n responses
/// is thereby checked on at least about min(n, floor) of them, and a fast pass on n ÷ SampleEvery plus
/// at most the connections plus the floor. Plain arithmetic: nothing is allocated per request.
/// A pass bounded by requests knows its total, so its floor holds exactly; a timed pass does not, so one whose rate
/// falls sharply and that ends within a few responses of the floor can check a few fewer than it (48 of 50 seen once);
/// only sampling every request until the floor is met would guarantee it, and that would spend the floor at the start.
/// </summary>
internal sealed class SamplingSchedule
{
    /// <summary>The share of the pass over which the floor is spread.</summary>
    private const double FloorSpan = 0.75;

    private readonly EnginePlan _plan;
    private readonly long _quota;
    private readonly long _initialBudget;
    private long _counter;
    private long _started;

    public SamplingSchedule(EnginePlan plan, int connections, long budget)
    {
        _plan = plan;
        _initialBudget = budget;
        // This worker's share of the floor, in proportion to the connections it owns (rounded up).
        _quota = plan.TotalConnections == 0
            ? 0
            : ((long)plan.MinSampled * connections + plan.TotalConnections - 1) / plan.TotalConnections;
    }

    /// <summary>True when the request starting now is to be captured; counts it when so.</summary>
    /// <param name="firstOnConnection">The request is the first one sent on its connection.</param>
    /// <param name="remainingBudget">The worker's request budget left after this request (unbounded passes never read it).</param>
    public bool Due(bool firstOnConnection, long now, long remainingBudget)
    {
        var due = ++_counter >= _plan.SampleEvery || (_quota > 0 && (firstOnConnection || _started < Scheduled(now, remainingBudget)));
        if (!due)
        {
            return false;
        }

        _counter = 0;
        _started++;
        return true;
    }

    // The floor's share due by now: quota × progress over the first FloorSpan of the pass, rounded up, plus one.
    // Ending the schedule early leaves slack for what the schedule cannot foresee: the last requests still in
    // flight when the pass ends, and a stall near its end (a busy machine) after which too few requests start
    // to catch up — that once left a 70-response pass with 39 checks.
    private long Scheduled(long now, long remainingBudget)
    {
        double progress;
        if (_plan.SendEnd != long.MaxValue)
        {
            progress = (double)(now - _plan.Start) / Math.Max(1, _plan.SendEnd - _plan.Start);
        }
        else if (_initialBudget is > 0 and < long.MaxValue)
        {
            progress = (double)(_initialBudget - remainingBudget) / _initialBudget;
        }
        else
        {
            progress = 1;
        }

        return Math.Min(_quota, (long)Math.Ceiling(_quota * Math.Clamp(progress / FloorSpan, 0, 1)) + 1);
    }
}
