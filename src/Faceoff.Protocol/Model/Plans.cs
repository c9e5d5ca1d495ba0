namespace Faceoff.Protocol.Model;

/// <summary>How long one pass lasts: a request count or a duration (exactly one is set), repeated.</summary>
/// <param name="Launches">
/// Measured passes only: how many fresh pairs of server processes each cell's <see cref="Repeats"/> run on, one after
/// the other, so a cell gets <c>Launches × Repeats</c> measured passes per side. Always 1 for warmup plans.
/// </param>
public sealed record PassPlan(long? Requests, double? DurationSeconds, int Repeats, int Launches = 1)
{
    /// <summary>Measured passes per side of one cell over all its launches.</summary>
    public int TotalRepeats => Repeats * Launches;

    public bool IsDurationBased => DurationSeconds is not null;
}

/// <summary>
/// Warmup: fixed passes, or — when <see cref="UntilStable"/> is set — keep warming until the per-second
/// throughput of the last window varies less than a CV bound, capped by a maximum duration.
/// </summary>
public sealed record WarmupPlan(PassPlan Fixed, StabilityRule? UntilStable);

/// <param name="WindowSeconds">How many seconds of the latest warmup passes must be stable (at least two passes).</param>
/// <param name="MaxCv">Coefficient of variation under which the window counts as stable.</param>
/// <param name="MaxSeconds">Give up warming after this long and record that stability was not reached.</param>
/// <param name="PassSeconds">Length of one warmup pass: each is one throughput sample of the window.</param>
public sealed record StabilityRule(double WindowSeconds, double MaxCv, double MaxSeconds, double PassSeconds = 1)
{
    /// <summary>How many of the latest passes the window holds.</summary>
    public int WindowPasses => Passes(WindowSeconds, PassSeconds);

    /// <summary>Whole passes in a window; the small slack keeps 1.5 ÷ 0.5 from rounding down to 2.</summary>
    public static int Passes(double windowSeconds, double passSeconds) => (int)Math.Floor((windowSeconds / passSeconds) + 1e-9);
}

/// <summary>The seed's reproducibility bound: a cell whose repeats vary more than this is unstable.</summary>
public sealed record ReproducibilityBounds(double MaxCvRatio);

/// <summary>How media types are compared: ignore the charset parameter, or require it to match exactly.</summary>
public enum CharsetRule
{
    Ignore,
    Exact,
}

/// <summary>Parity gate settings that are not per scenario.</summary>
/// <param name="KeepAliveScenario">The scenario the C04 keep-alive check sends twice on one socket.</param>
/// <param name="HoldPath">The endpoint that keeps a request busy (<c>/hold?seconds=S</c> on the reference apps).</param>
/// <param name="HoldSeconds">How long each hold request keeps the constrained server busy.</param>
/// <param name="ProbeTimeoutSeconds">How long the overload probe may take to get the overload status.</param>
/// <param name="RecoveryTimeoutSeconds">How long after the holds end the server may take to answer 200 again.</param>
/// <param name="SampleEvery">Under load, validate every k-th response against the contract.</param>
public sealed record ParitySettings(
    CharsetRule Charset,
    string KeepAliveScenario,
    string HoldPath,
    double HoldSeconds,
    double ProbeTimeoutSeconds,
    double RecoveryTimeoutSeconds,
    int SampleEvery);

/// <summary>How comparisons decide: the confidence level of intervals and the equivalence band for "no difference".</summary>
public sealed record ComparisonSettings(double ConfidenceLevel, double EquivalenceBand);

/// <summary>Where a setting's value came from when not from the protocol file.</summary>
public enum SettingSource
{
    Default,
    Environment,
    CommandLine,
}

/// <summary>A setting that did not come from the file: its name, the value used and its source.</summary>
/// <param name="Origin">The environment variable or option that supplied it, e.g. <c>FACEOFF_MEASURED_REPEATS</c>.</param>
public sealed record SettingOrigin(string Setting, string Value, SettingSource Source, string? Origin);
