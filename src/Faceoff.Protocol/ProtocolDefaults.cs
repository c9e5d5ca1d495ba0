using System.Collections.Immutable;
using Faceoff.Protocol.Model;

namespace Faceoff.Protocol;

/// <summary>
/// Every default the loader fills in when a protocol leaves a field out, in one place.
/// <c>protocols/faceoff-protocol.schema.json</c> documents the same values; keep them together.
/// </summary>
public static class ProtocolDefaults
{
    public const string Host = "127.0.0.1";

    public static readonly ImmutableArray<int> ConcurrencyLadder = [1, 4, 8, 16, 32];

    /// <summary>A ladder step above this is almost certainly a typo (and would exhaust local ports).</summary>
    public const int MaxConcurrency = 10_000;

    public const int WarmupRepeats = 1;

    /// <summary>Warmup when the section is absent: two seconds of load, no stability rule.</summary>
    public static readonly WarmupPlan Warmup = new(new PassPlan(null, 2, WarmupRepeats), null);

    public const int MeasuredRepeats = 3;

    /// <summary>
    /// Launches when <c>measured.launches</c> is absent: one, as before the field existed, so an old protocol measures
    /// what it always did (every output then says the interval cannot cover launch-to-launch variance).
    /// </summary>
    public const int MeasuredLaunches = 1;

    /// <summary>Measured passes when the section is absent: three passes of five seconds on one launch.</summary>
    public static readonly PassPlan Measured = new(null, 5, MeasuredRepeats, MeasuredLaunches);

    /// <summary>Fields of <c>warmup.until_stable</c> that are left out.</summary>
    public static readonly StabilityRule UntilStable = new(WindowSeconds: 3, MaxCv: 0.05, MaxSeconds: 30, PassSeconds: 1);

    /// <summary>The seed's bound (comparative_benchmark_contract.v1.json).</summary>
    public static readonly ReproducibilityBounds Reproducibility = new(0.4);

    /// <summary>
    /// Parity settings when left out. The keep-alive scenario has no fixed default: it is the first
    /// scenario declared in <c>scenarios</c>, so this record's value is only a placeholder.
    /// </summary>
    public static readonly ParitySettings Parity = new(
        CharsetRule.Ignore,
        KeepAliveScenario: string.Empty,
        HoldPath: "/hold",
        HoldSeconds: 1.0,
        ProbeTimeoutSeconds: 0.5,
        RecoveryTimeoutSeconds: 5,
        SampleEvery: 100);

    public static readonly ComparisonSettings Comparison = new(ConfidenceLevel: 0.95, EquivalenceBand: 0.05);

    public const double ReadinessTimeoutSeconds = 30;

    public const int OverloadStatus = 503;

    public const string Method = "GET";

    /// <summary>A managed PostgreSQL's settings when left out: PostgreSQL's own defaults.</summary>
    public static readonly ManagedPostgresSettings Postgres = new(SharedBuffers: "128MB", SynchronousCommit: "on", MaxConnections: 100);

    /// <summary>Rows the seed step loads into <c>items</c> (the database track's contract: 100k over 8 categories).</summary>
    public const int SeedRows = 100_000;

    public const int MaxSeedRows = 10_000_000;

    /// <summary>Wording shared by the reader and the override parser so both report ladders alike.</summary>
    public const string LadderExpectation = "a non-empty array of increasing integers 1-10000";

    public const string StepExpectation = "an integer 1-10000";
}
