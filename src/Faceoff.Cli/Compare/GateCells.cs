using Faceoff.Reporting.Model;
using Faceoff.Statistics;

namespace Faceoff.Cli.Compare;

/// <summary>
/// Turns the cells of two campaign reports into the regression gate's input: one
/// <see cref="CellMeasurements"/> per profile × scenario × concurrency, holding that cell's measured repeats.
/// </summary>
internal static class GateCells
{
    public static (IReadOnlyList<CellMeasurements> Baseline, IReadOnlyList<CellMeasurements> Current) Map(
        CampaignReport baseline,
        CampaignReport current)
    {
        // The gate keys cells by profile, not pair. A profile reused by two pairs (say one reference
        // against two candidates) would collide, so such a profile is named "pair/profile" on both sides,
        // keeping the two runs keyed alike.
        var shared = SharedProfiles(baseline).Union(SharedProfiles(current)).ToHashSet(StringComparer.Ordinal);
        return (Cells(baseline, shared), Cells(current, shared));
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

    private static IEnumerable<string> SharedProfiles(CampaignReport report) =>
        report.Cells
            .GroupBy(c => c.Profile, StringComparer.Ordinal)
            .Where(g => g.Select(c => c.Pair).Distinct(StringComparer.Ordinal).Skip(1).Any())
            .Select(g => g.Key);

    private static CellMeasurements[] Cells(CampaignReport report, HashSet<string> shared) =>
        [.. report.Cells.Select(cell => new CellMeasurements(
            new CellKey(shared.Contains(cell.Profile) ? $"{cell.Pair}/{cell.Profile}" : cell.Profile, cell.Scenario, cell.Concurrency),
            [.. cell.Repeats.Select(StatisticsInput.ToMeasurement)],
            cell.Status == CellStatus.Failed ? cell.Failure?.Reason ?? "the cell failed" : null))];
}
