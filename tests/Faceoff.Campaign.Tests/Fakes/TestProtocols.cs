using System.Collections.Immutable;
using Faceoff.Protocol.Model;

namespace Faceoff.Campaign.Tests.Fakes;

/// <summary>Small protocols built in code for the control-flow tests (no files, no servers).</summary>
internal static class TestProtocols
{
    public static CampaignProtocol Build(
        int pairs = 1,
        string[]? scenarios = null,
        int[]? ladder = null,
        int measuredRepeats = 3,
        int measuredLaunches = 1,
        int warmupRepeats = 1,
        StabilityRule? untilStable = null)
    {
        scenarios ??= ["healthz", "api_status"];
        ladder ??= [1, 4];
        var framework = new FrameworkDefinition("fw", "Framework", RuntimeKind.None, null,
            new CommandSpec("app", [], ImmutableDictionary<string, string>.Empty, null),
            new ReadinessProbe("/healthz", 5), null, []);
        var profiles = new Dictionary<string, ProfileDefinition>();
        var pairList = new List<PairDefinition>();
        for (var i = 1; i <= pairs; i++)
        {
            var candidate = new ProfileDefinition($"cand{i}", "fw", ImmutableDictionary<string, string>.Empty, [], [.. scenarios]);
            var reference = new ProfileDefinition($"ref{i}", "fw", ImmutableDictionary<string, string>.Empty, [], [.. scenarios]);
            profiles[candidate.Id] = candidate;
            profiles[reference.Id] = reference;
            pairList.Add(new PairDefinition($"pair{i}", candidate.Id, reference.Id, 4000 + (i * 10), 4001 + (i * 10), []));
        }
        var contract = new ScenarioContract(200, "text/plain", null, null, [], []);
        return new CampaignProtocol
        {
            SourceSchemaVersion = 2,
            Name = "test",
            SourcePath = "/tmp/test.json",
            Host = "127.0.0.1",
            Frameworks = ImmutableDictionary<string, FrameworkDefinition>.Empty.Add("fw", framework),
            Scenarios = scenarios.ToImmutableDictionary(
                id => id, id => new ScenarioDefinition(id, null, "GET", "/" + id, ImmutableDictionary<string, string>.Empty, null, contract)),
            Profiles = profiles.ToImmutableDictionary(),
            Pairs = [.. pairList],
            ClaimTargets = [new ClaimTarget("C01", "pair1", scenarios[0])],
            ConcurrencyLadder = [.. ladder],
            Warmup = new WarmupPlan(new PassPlan(null, 0.5, warmupRepeats), untilStable),
            Measured = new PassPlan(null, 1, measuredRepeats, measuredLaunches),
            Reproducibility = new ReproducibilityBounds(0.4),
            Parity = new ParitySettings(CharsetRule.Ignore, scenarios[0], "/hold", 1, 0.5, 5, 100),
            Comparison = new ComparisonSettings(0.95, 0.05),
        };
    }
}
