namespace Faceoff.Campaign.Model;

/// <summary>One comparison row as the console shows it at the end of a run.</summary>
/// <param name="ThroughputRatio">Candidate ÷ reference median req/s with its interval, formatted ("1.84 [1.79–1.90]").</param>
public sealed record SummaryRow(
    string Pair,
    string Scenario,
    int Concurrency,
    double? CandidateRps,
    double? ReferenceRps,
    string ThroughputRatio,
    string LatencyP99Ratio,
    string Verdict,
    bool Publishable,
    string? Why);

public sealed record SummaryClaim(string ClaimId, string Pair, string Scenario, string Status, string Reason);

/// <summary>The comparison table and claims, ready for the console.</summary>
/// <param name="Aa">The A/A result, for an A/A run only.</param>
public sealed record CampaignSummary(IReadOnlyList<SummaryRow> Rows, IReadOnlyList<SummaryClaim> Claims, AaCheck? Aa = null);
