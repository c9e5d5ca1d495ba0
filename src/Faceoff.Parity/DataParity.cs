using System.Collections.Immutable;
using Faceoff.Parity.Checks;
using Faceoff.Protocol.Model;
using Faceoff.Targets.Services;

namespace Faceoff.Parity;

/// <summary>
/// The data checks of a pair's database scenarios (paths under <c>/api/db/</c>), added to each scenario's findings:
/// reads return the same items from both sides, writes really wrote (one side at a time, after a reset, because
/// the row counts are global to the table).
/// </summary>
public static class DataParity
{
    public const string PathPrefix = "/api/db/";

    public static async Task<PairResult> AddAsync(
        CampaignProtocol protocol, PairDefinition pair, PairResult result, IDatabaseService database, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(database);
        var candidate = ParityGate.Side(result.Candidate);
        var reference = ParityGate.Side(result.Reference);
        var scenarios = ImmutableArray.CreateBuilder<ScenarioResult>();
        foreach (var scenarioResult in result.Scenarios)
        {
            var scenario = protocol.Scenarios[scenarioResult.Scenario];
            if (!scenario.Path.StartsWith(PathPrefix, StringComparison.Ordinal))
            {
                scenarios.Add(scenarioResult);
                continue;
            }
            var added = await CheckAsync(scenario, pair, candidate, reference, database, timeout, ct).ConfigureAwait(false);
            var findings = scenarioResult.Findings.AddRange(added);
            scenarios.Add(scenarioResult with { Findings = findings, Status = ParityVerdict.Worst(findings) });
        }
        return ParityGate.WithWorstStatus(result with { Scenarios = scenarios.ToImmutable() });
    }

    private static async Task<IReadOnlyList<ParityFinding>> CheckAsync(
        ScenarioDefinition scenario, PairDefinition pair, ParitySide candidate, ParitySide reference, IDatabaseService database, TimeSpan timeout,
        CancellationToken ct)
    {
        try
        {
            if (scenario.Method is "GET" or "HEAD")
            {
                return [await DataChecks.ReadAsync(scenario, candidate, reference, pair.Name, timeout, ct).ConfigureAwait(false)];
            }
            var findings = new List<ParityFinding>();
            foreach (var side in new[] { candidate, reference })
            {
                await database.ResetAsync(ct).ConfigureAwait(false);
                findings.Add(await DataChecks.WriteAsync(scenario, side, database, timeout, ct).ConfigureAwait(false));
            }
            return findings;
        }
        catch (DatabaseUnavailableException e)
        {
            return [ParityFinding.Fail(DataChecks.WriteCheck, pair.Name, $"scenario {scenario.Id}: {e.Message}", "a running database", e.Message)];
        }
    }
}
