using Faceoff.Statistics.Claims;
using Faceoff.Statistics.Regression;

namespace Faceoff.Statistics;

/// <summary>Stable lower-case labels for reports (enum names are for code).</summary>
public static class Labels
{
    public static string Label(this Verdict verdict) => verdict switch
    {
        Verdict.CandidateFaster => "candidate faster",
        Verdict.CandidateSlower => "candidate slower",
        Verdict.NoSignificantDifference => "no significant difference",
        Verdict.Inconclusive => "inconclusive",
        Verdict.NotPublishable => "not publishable",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    public static string Label(this ClaimStatus status) => status switch
    {
        ClaimStatus.Supported => "supported",
        ClaimStatus.Parity => "parity",
        ClaimStatus.Refuted => "refuted",
        ClaimStatus.Mixed => "mixed",
        ClaimStatus.Inconclusive => "inconclusive",
        ClaimStatus.Unverified => "unverified",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Label(this GateStatus status) => status switch
    {
        GateStatus.Pass => "pass",
        GateStatus.NoBaseline => "no baseline",
        GateStatus.InsufficientData => "insufficient data",
        GateStatus.WithinNoise => "past threshold, within noise",
        GateStatus.Missing => "missing in current",
        GateStatus.Failed => "failed",
        GateStatus.Regression => "regression",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
