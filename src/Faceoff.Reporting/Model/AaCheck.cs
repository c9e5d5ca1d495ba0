using System.Globalization;
using Faceoff.Reporting.Text;
using Faceoff.Statistics;

namespace Faceoff.Reporting.Model;

/// <summary>
/// The result of an A/A run: how many comparison rows came out "no significant difference" or "inconclusive",
/// against the bar of 95 % of them. A "not publishable" row counts against the bar: a check that could not
/// reach a verdict has not shown the method to be sound, so it cannot pass on that row's behalf.
/// </summary>
/// <param name="Rows">Every comparison row of the run, failed cells included.</param>
/// <param name="Neutral">Rows whose verdict is no significant difference or inconclusive.</param>
/// <param name="Different">Rows that came out candidate faster or slower, each described on one line.</param>
/// <param name="Unpublishable">Rows that came out not publishable, each with its reason.</param>
public sealed record AaCheck(string Profile, int Rows, int Neutral, IReadOnlyList<string> Different, IReadOnlyList<string> Unpublishable)
{
    public const int BarPercent = 95;

    [System.Text.Json.Serialization.JsonIgnore]
    public double Share => Rows == 0 ? 0 : (double)Neutral / Rows;

    /// <summary>Integer comparison, so 19 of 20 rows meets the bar exactly instead of by a rounding accident.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Passed => Rows > 0 && Neutral * 100 >= BarPercent * Rows;

    [System.Text.Json.Serialization.JsonIgnore]
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"A/A check ({Profile} against itself): {Neutral} of {Rows} comparison row(s) ({Share * 100:0.#}%) no significant difference or inconclusive; {(Passed ? "meets" : "FAILS")} the ≥ {BarPercent}% bar");

    /// <summary>The summary, then one line per row that counted against the bar.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> Lines => [Summary, .. Different.Select(d => "  different: " + d), .. Unpublishable.Select(u => "  not publishable: " + u)];

    public static AaCheck Evaluate(string profile, IEnumerable<ComparisonReport> comparisons)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        var rows = comparisons.ToList();
        static string Cell(ComparisonReport row) => $"{row.Pair} {row.Scenario} c={row.Concurrency}";
        var different = rows
            .Where(r => r.Verdict is Verdict.CandidateFaster or Verdict.CandidateSlower)
            .Select(r => $"{Cell(r)}: {EnumText.Words(r.Verdict)}{(r.ThroughputRatio is { } ratio ? $" (throughput ratio {Fmt.RatioWithCi(ratio)})" : "")}")
            .ToList();
        var unpublishable = rows
            .Where(r => r.Verdict == Verdict.NotPublishable)
            .Select(r => $"{Cell(r)}: {string.Join("; ", r.Reasons.Take(2))}")
            .ToList();
        var neutral = rows.Count(r => r.Verdict is Verdict.NoSignificantDifference or Verdict.Inconclusive);
        return new AaCheck(profile, rows.Count, neutral, different, unpublishable);
    }
}
