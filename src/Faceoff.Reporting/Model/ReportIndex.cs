namespace Faceoff.Reporting.Model;

/// <summary>
/// Looks cells and comparisons up by coordinates and gives every output the same order: pairs and
/// scenarios in protocol order, candidate before reference, concurrency ascending. Names the protocol
/// does not list sort after the listed ones, ordinally, so ordering never depends on the input order.
/// </summary>
public sealed class ReportIndex
{
    private readonly Dictionary<(string Pair, Side Role, string Scenario, int Concurrency), SideReport> _cells = [];
    private readonly Dictionary<(string Pair, string Scenario, int Concurrency), ComparisonReport> _comparisons = [];
    private readonly Dictionary<string, int> _pairRank = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Pair, string Scenario), int> _scenarioRank = [];

    public ReportIndex(CampaignReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Report = report;
        foreach (var cell in report.Sides)
        {
            _cells[(cell.Pair, cell.Role, cell.Scenario, cell.Concurrency)] = cell;
        }

        foreach (var row in report.Comparisons)
        {
            _comparisons[(row.Pair, row.Scenario, row.Concurrency)] = row;
        }

        var pairs = new List<PairView>();
        foreach (var pair in report.Protocol.Pairs)
        {
            _pairRank.TryAdd(pair.Name, _pairRank.Count);
            var cells = report.Sides.Where(c => c.Pair == pair.Name).ToList();
            List<string> scenarios = [.. pair.Scenarios.Concat(
                cells.Select(c => c.Scenario).Where(s => !pair.Scenarios.Contains(s)).Distinct().Order(StringComparer.Ordinal))];
            for (var i = 0; i < scenarios.Count; i++)
            {
                _scenarioRank.TryAdd((pair.Name, scenarios[i]), i);
            }

            // A step with cells but missing from the snapshot's ladder is still shown rather than silently dropped.
            List<int> steps = [.. pair.Ladder.Concat(cells.Select(c => c.Concurrency)).Distinct().Order()];
            pairs.Add(new PairView(pair, scenarios, steps));
        }

        Pairs = pairs;
        OrderedCells = [.. report.Sides
            .OrderBy(c => PairRank(c.Pair)).ThenBy(c => c.Pair, StringComparer.Ordinal)
            .ThenBy(c => c.Role)
            .ThenBy(c => ScenarioRank(c.Pair, c.Scenario)).ThenBy(c => c.Scenario, StringComparer.Ordinal)
            .ThenBy(c => c.Concurrency)];
        OrderedComparisons = [.. report.Comparisons
            .OrderBy(r => PairRank(r.Pair)).ThenBy(r => r.Pair, StringComparer.Ordinal)
            .ThenBy(r => ScenarioRank(r.Pair, r.Scenario)).ThenBy(r => r.Scenario, StringComparer.Ordinal)
            .ThenBy(r => r.Concurrency)];
    }

    public CampaignReport Report { get; }

    /// <summary>The protocol's pairs, each with its scenarios and steps in display order.</summary>
    public IReadOnlyList<PairView> Pairs { get; }

    public IReadOnlyList<SideReport> OrderedCells { get; }

    public IReadOnlyList<ComparisonReport> OrderedComparisons { get; }

    public SideReport? Cell(string pair, Side role, string scenario, int concurrency) =>
        _cells.GetValueOrDefault((pair, role, scenario, concurrency));

    public ComparisonReport? Comparison(string pair, string scenario, int concurrency) =>
        _comparisons.GetValueOrDefault((pair, scenario, concurrency));

    private int PairRank(string pair) => _pairRank.GetValueOrDefault(pair, int.MaxValue);

    private int ScenarioRank(string pair, string scenario) => _scenarioRank.GetValueOrDefault((pair, scenario), int.MaxValue);
}

/// <summary>A pair with its scenarios and concurrency steps in display order.</summary>
public sealed record PairView(PairSnapshot Pair, IReadOnlyList<string> Scenarios, IReadOnlyList<int> Steps)
{
    public string ProfileOf(Side role) => role == Side.Candidate ? Pair.CandidateProfile : Pair.ReferenceProfile;
}
