namespace Faceoff.Reporting.Model;

/// <summary>The protocol as resolved for this run (file values plus overrides), flattened for readers.</summary>
/// <param name="SourcePath">The protocol file the run was started with.</param>
/// <param name="SourceSchemaVersion">Schema version of that file (1 = the seed's format, mapped).</param>
/// <param name="ConcurrencyLadder">The campaign's default ladder; each pair lists the ladder it actually ran.</param>
/// <param name="MaxCvRatio">Reproducibility bound: a cell whose throughput CV across repeats exceeds it is unstable.</param>
/// <param name="EquivalenceBand">Ratios within [1 − band, 1 + band] count as no difference.</param>
public sealed record ProtocolSnapshot(
    string Name,
    string? Description,
    string SourcePath,
    int SourceSchemaVersion,
    string Host,
    IReadOnlyList<int> ConcurrencyLadder,
    IReadOnlyList<PairSnapshot> Pairs,
    IReadOnlyList<ScenarioSnapshot> Scenarios,
    IReadOnlyList<ClaimTargetSnapshot> Claims,
    WarmupSnapshot Warmup,
    PassSnapshot Measured,
    double MaxCvRatio,
    double ConfidenceLevel,
    double EquivalenceBand,
    IReadOnlyList<OverrideEntry> Overrides);

/// <summary>Candidate against reference, with the framework behind each profile and the ladder it ran.</summary>
public sealed record PairSnapshot(
    string Name,
    string CandidateProfile,
    string CandidateFramework,
    string ReferenceProfile,
    string ReferenceFramework,
    IReadOnlyList<int> Ladder,
    IReadOnlyList<string> Scenarios);

public sealed record ScenarioSnapshot(string Id, string? Description, string Method, string Path);

public sealed record ClaimTargetSnapshot(string ClaimId, string Pair, string Scenario);

/// <summary>A pass size: a request count or a duration (one of them is set), repeated.</summary>
/// <param name="Launches">Measured passes: fresh server pairs each cell's repeats ran on (1 for warmups and older reports).</param>
public sealed record PassSnapshot(long? Requests, double? DurationSeconds, int Repeats, int Launches = 1);

/// <summary>Warmup: fixed passes, or warm until the last window's per-second CV is under a bound.</summary>
public sealed record WarmupSnapshot(PassSnapshot Fixed, StabilitySnapshot? UntilStable);

/// <param name="PassSeconds">One warmup pass (one throughput sample); reports from before the field warmed in one-second passes.</param>
public sealed record StabilitySnapshot(double WindowSeconds, double MaxCv, double MaxSeconds, double PassSeconds = 1);

/// <summary>A setting that did not come from the protocol file.</summary>
/// <param name="Source">default, environment or command_line.</param>
/// <param name="Origin">The variable or option that supplied it, e.g. FACEOFF_MEASURED_REPEATS.</param>
public sealed record OverrideEntry(string Setting, string Value, string Source, string? Origin);
