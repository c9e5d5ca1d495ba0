using Faceoff.Campaign.Model;

namespace Faceoff.Campaign.Execution;

/// <summary>How fast the machine runs right now, relative to itself at the start of the run.</summary>
public interface IMachineSpeed
{
    /// <summary>The calibrated probe time in milliseconds: the fastest seen so far (first measured on first use).</summary>
    double BaselineMilliseconds { get; }

    /// <summary>The current speed as a fraction of the calibrated one: 1 is as fast as ever seen, 0.5 half as fast.</summary>
    double Measure();
}

/// <summary>
/// Keeps cells off a visibly slowed machine. Before every cell the machine's speed is probed (<see cref="IMachineSpeed"/>);
/// below <see cref="MinSpeed"/> of its calibrated speed the run waits, probing every <paramref name="poll"/>, for at most
/// <paramref name="maxWait"/>, then measures anyway. On a shared 2-core VM the whole machine once ran slow for about 70 s
/// in the middle of a campaign: the reference's throughput fell by a third and the candidate's by four fifths, which no
/// statistics can undo, so the honest course is not to measure then, and to say when it happened. Every check and wait
/// goes into the run journal (<see cref="MachineJournal"/>) and from there into the report's notes.
/// </summary>
internal sealed class QuietMachine(RunContext context, TimeSpan poll, TimeSpan maxWait)
{
    /// <summary>Speeds below this share of the calibrated one count as a slowed machine.</summary>
    public const double MinSpeed = 0.75;

    public static readonly TimeSpan DefaultPoll = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan DefaultMaxWait = TimeSpan.FromSeconds(60);

    public QuietMachine(RunContext context)
        : this(context, DefaultPoll, DefaultMaxWait)
    {
    }

    /// <summary>Probes before <paramref name="where"/> runs and waits while the machine is slow; records what it saw.</summary>
    public async Task CheckAsync(string where, CancellationToken cancellationToken)
    {
        if (context.Backend.Machine is not { } machine)
        {
            return;
        }

        var speed = machine.Measure();
        if (speed >= MinSpeed)
        {
            Record(machine, null);
            return;
        }

        context.Observer.Notice(NoticeLevel.Warning,
            $"the machine runs at {speed:0%} of its calibrated speed before {where}; waiting up to {maxWait.TotalSeconds:0} s for it to recover");
        var seenAt = context.Now;
        var started = context.Clock.GetTimestamp();
        var slowest = speed;
        while (speed < MinSpeed && context.Clock.GetElapsedTime(started) < maxWait)
        {
            await Task.Delay(poll, cancellationToken).ConfigureAwait(false);
            speed = machine.Measure();
            slowest = Math.Min(slowest, speed);
        }

        var waited = context.Clock.GetElapsedTime(started).TotalSeconds;
        var recovered = speed >= MinSpeed;
        context.Observer.Notice(recovered ? NoticeLevel.Info : NoticeLevel.Warning, recovered
            ? $"the machine is back at {speed:0%} after {waited:0} s; measuring {where}"
            : $"the machine is still at {speed:0%} after {waited:0} s; measuring {where} anyway (recorded in the report)");
        Record(machine, new SlowMachine(seenAt, where, Math.Round(slowest, 3), Math.Round(speed, 3), Math.Round(waited, 1), recovered));
    }

    private void Record(IMachineSpeed machine, SlowMachine? slow) =>
        context.Store.Update(s =>
        {
            var journal = s.Machine ?? new MachineJournal(0, MinSpeed, maxWait.TotalSeconds, 0, []);
            return s with
            {
                Machine = journal with
                {
                    BaselineMilliseconds = Math.Round(machine.BaselineMilliseconds, 3),
                    Checks = journal.Checks + 1,
                    Slow = slow is null ? journal.Slow : [.. journal.Slow, slow],
                },
            };
        }, context.Now);
}
