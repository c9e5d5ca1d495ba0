using Faceoff.Campaign.Execution;
using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Model;

public enum RunJournalStatus
{
    Running,
    Interrupted,
    Completed,
    PrepareFailed,
    ParityFailed,
}

/// <summary>Switches of the current session that change what the run means; recorded in the report.</summary>
/// <param name="SkipParity">Where a parity skip came from (e.g. <c>--skip-parity</c>); null when the gate runs.</param>
/// <param name="Pinning">CPU pinning as applied ("servers: cpu 0; load: cpu 1"); null when none.</param>
/// <param name="Quick">Smoke-run sizing: numbers are indicative only.</param>
public sealed record RunFlags(bool SkipBuild, string? SkipParity, string? Pinning, bool Quick);

/// <summary>How long a freshly started server took to reach steady throughput, and whether it did.</summary>
/// <param name="Throughputs">Requests per second of each short warmup pass, in order.</param>
/// <param name="FinalCv">Coefficient of variation of the last window when warming stopped.</param>
public sealed record ServerWarmupRecord(
    string Pair,
    Side Side,
    string Profile,
    string Scenario,
    int Concurrency,
    double Seconds,
    bool Stabilised,
    double? FinalCv,
    double WindowSeconds,
    double MaxCv,
    IReadOnlyList<double> Throughputs,
    double PassSeconds = 1);

/// <summary>
/// The run's journal (<c>run_state.json</c>): which protocol it runs (by hash, so a resume cannot mix
/// protocols), how far it got and what happened outside the cells. Rewritten atomically on every change.
/// </summary>
/// <param name="Sessions">When each session (the first and every resume) started.</param>
/// <param name="TimingStartedAt">When the first measured pass could start: after prepare and the parity gate.</param>
public sealed record RunState(
    int FormatVersion,
    string RunId,
    string ProtocolName,
    string ProtocolHash,
    RunJournalStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<DateTimeOffset> Sessions,
    RunFlags Flags,
    ParityStatus Parity,
    string? ParityReportPath,
    string? ParityFirstDifference,
    IReadOnlyList<ParityCheckRow> ParityChecks,
    DateTimeOffset? TimingStartedAt,
    DateTimeOffset? FinishedAt,
    PreparedFacts? Prepare,
    string? Message,
    MachineJournal? Machine = null)
{
    public const int CurrentFormat = 1;
}

/// <summary>The machine-speed checks made before the cells (<see cref="Execution.QuietMachine"/>).</summary>
/// <param name="BaselineMilliseconds">The speed probe's calibrated time: its fastest reading in the run.</param>
/// <param name="MinSpeed">The share of the calibrated speed below which the run waited.</param>
/// <param name="MaxWaitSeconds">The longest the run waited for the machine before one cell.</param>
/// <param name="Checks">How many cells were checked.</param>
/// <param name="Slow">Every check that found the machine slow, with how long the run waited.</param>
public sealed record MachineJournal(double BaselineMilliseconds, double MinSpeed, double MaxWaitSeconds, int Checks, IReadOnlyList<SlowMachine> Slow);

/// <summary>One check that found the machine below the bound.</summary>
/// <param name="Where">The cell (and launch) that was about to run.</param>
/// <param name="Slowest">The lowest speed seen while waiting, as a share of the calibrated one.</param>
/// <param name="Final">The speed when the cell started.</param>
/// <param name="Recovered">False when the wait ran out and the cell was measured on the slow machine.</param>
public sealed record SlowMachine(DateTimeOffset At, string Where, double Slowest, double Final, double WaitedSeconds, bool Recovered);
