using Faceoff.Reporting.Model;
using Faceoff.Statistics;

namespace Faceoff.Cli.Compare;

/// <summary>
/// Turns the cells of two campaign reports into the regression gate's input: one
/// <see cref="SideMeasurements"/> per profile × scenario × concurrency, holding that cell's measured repeats.
/// </summary>
internal static class GateCells
{
    public static (IReadOnlyList<SideMeasurements> Baseline, IReadOnlyList<SideMeasurements> Current) Map(
        CampaignReport baseline,
        CampaignReport current)
    {
        // The gate keys cells by profile, not pair, so a renamed pair still compares. Where a profile alone is
        // ambiguous the name grows, alike in both runs: "pair/profile" for a profile in several pairs (one
        // reference against two candidates), and a role suffix for a profile on both sides of one pair (A/A).
        // Each set is worked out per run and then united: a pair renamed between the runs is not "several pairs".
        var inSeveralPairs = InSeveralPairs(baseline).Union(InSeveralPairs(current)).ToHashSet(StringComparer.Ordinal);
        var onBothSides = OnBothSides(baseline).Union(OnBothSides(current)).ToHashSet();
        string Name(CellReport cell)
        {
            var name = inSeveralPairs.Contains(cell.Profile) ? $"{cell.Pair}/{cell.Profile}" : cell.Profile;
            return onBothSides.Contains((cell.Pair, cell.Profile))
                ? $"{name} ({EnumText.Of(cell.Role)})"
                : name;
        }

        return (Cells(baseline, Name), Cells(current, Name));
    }

    /// <summary>
    /// The current run's confidence level and equivalence band, so the gate speaks the same statistics the
    /// run's own report did; the library defaults when the report carries values the statistics reject.
    /// </summary>
    public static StatisticsSettings Settings(CampaignReport current)
    {
        var protocol = current.Protocol;
        var settings = StatisticsSettings.Default with
        {
            ConfidenceLevel = protocol.ConfidenceLevel,
            EquivalenceBand = protocol.EquivalenceBand,
        };
        return settings.Validate().Count == 0 ? settings : StatisticsSettings.Default;
    }

    private static IEnumerable<string> InSeveralPairs(CampaignReport report) =>
        report.Cells
            .GroupBy(c => c.Profile, StringComparer.Ordinal)
            .Where(g => g.Select(c => c.Pair).Distinct(StringComparer.Ordinal).Skip(1).Any())
            .Select(g => g.Key);

    private static IEnumerable<(string Pair, string Profile)> OnBothSides(CampaignReport report) =>
        report.Cells
            .GroupBy(c => (c.Pair, c.Profile))
            .Where(g => g.Select(c => c.Role).Distinct().Skip(1).Any())
            .Select(g => g.Key);

    private static SideMeasurements[] Cells(CampaignReport report, Func<CellReport, string> name) =>
        [.. report.Cells.Select(cell => new SideMeasurements(
            new SideKey(name(cell), cell.Scenario, cell.Concurrency),
            [.. cell.Repeats.Select(StatisticsInput.ToMeasurement)],
            cell.Status == CellStatus.Failed ? cell.Failure?.Reason ?? "the cell failed" : null))];
}
