namespace Faceoff.Statistics.Claims;

public enum ClaimStatus
{
    /// <summary>Candidate faster.</summary>
    Supported,

    /// <summary>No significant difference.</summary>
    Parity,

    /// <summary>Candidate slower.</summary>
    Refuted,

    /// <summary>Clean data whose steps disagree (e.g. faster at low concurrency, slower at high).</summary>
    Mixed,

    /// <summary>Clean data, but the intervals cannot decide.</summary>
    Inconclusive,

    /// <summary>The data cannot back a claim: parity skipped, failed or unstable cell, contract violations, missing data.</summary>
    Unverified,
}

/// <summary>A claim the campaign must check, e.g. C02 = pair comparison_http, scenario api_status.</summary>
public sealed record ClaimTarget(string ClaimId, string Pair, string Scenario);

public sealed record ClaimStep(int Concurrency, ClaimStatus Status, string Reason);

/// <summary>Overall status of a claim with the per-step statuses it was derived from.</summary>
public sealed record ClaimResult(ClaimTarget Target, ClaimStatus Status, IReadOnlyList<ClaimStep> Steps, string Summary);
