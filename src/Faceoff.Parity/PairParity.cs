using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Faceoff.Parity.Checks;
using Faceoff.Parity.Http;
using Faceoff.Protocol.Model;

namespace Faceoff.Parity;

/// <summary>One side of a pair as the checks see it: a profile and where it listens, or why it is not listening.</summary>
public sealed record ParitySide(string Profile, Uri? BaseUri, string? Unavailable = null)
{
    public static ParitySide At(string profile, Uri baseUri) => new(profile, baseUri);
}

/// <summary>The contract, transport, equivalence and keep-alive checks of one pair against servers that are already up.</summary>
public static class PairParity
{
    /// <summary>Response headers every observation records, besides the ones a contract requires.</summary>
    private static readonly string[] HeadersOfInterest =
        ["Content-Type", "Content-Length", "Transfer-Encoding", "Connection", "Date", "Server", "x-overload-reason"];

    public static async Task<(ImmutableArray<ScenarioResult> Scenarios, ImmutableArray<ParityFinding> KeepAlive)> RunAsync(
        CampaignProtocol protocol, PairDefinition pair, ParitySide candidate, ParitySide reference, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(pair);
        var scenarios = ImmutableArray.CreateBuilder<ScenarioResult>();
        foreach (var scenario in protocol.ScenariosFor(pair))
        {
            var claim = protocol.ClaimTargets.FirstOrDefault(c => c.Pair == pair.Name && c.Scenario == scenario.Id)?.ClaimId;
            var result = await ScenarioAsync(scenario, claim, protocol.Parity.Charset, candidate, reference, pair.Name, timeout, ct).ConfigureAwait(false);
            scenarios.Add(KnownDifferenceRule.Apply(protocol.KnownDifferences, pair.Name, result));
        }

        var keepAlive = ImmutableArray.CreateBuilder<ParityFinding>();
        if (protocol.Scenarios.TryGetValue(protocol.Parity.KeepAliveScenario, out var keepAliveScenario))
        {
            foreach (var side in new[] { candidate, reference })
            {
                keepAlive.AddRange(side.BaseUri is null
                    ? [Unavailable("keepalive.connection", side)]
                    : await KeepAliveCheck.RunAsync(side.BaseUri, keepAliveScenario, side.Profile, timeout, ct).ConfigureAwait(false));
            }
        }
        else
        {
            keepAlive.Add(ParityFinding.Fail(
                "keepalive.connection", pair.Name, $"keep-alive scenario \"{protocol.Parity.KeepAliveScenario}\" is not defined", "a scenario", null));
        }

        return (scenarios.ToImmutable(), keepAlive.ToImmutable());
    }

    public static async Task<ScenarioResult> ScenarioAsync(
        ScenarioDefinition scenario, string? claimId, CharsetRule charset, ParitySide candidate, ParitySide reference, string pair, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(reference);
        var sides = await Task.WhenAll(SideAsync(scenario, candidate, timeout, ct), SideAsync(scenario, reference, timeout, ct)).ConfigureAwait(false);
        var findings = ImmutableArray.CreateBuilder<ParityFinding>();
        findings.AddRange(sides[0].Findings);
        findings.AddRange(sides[1].Findings);
        string? diff = null;
        if (sides[0].Response is { } left && sides[1].Response is { } right)
        {
            var equivalence = EquivalenceChecks.Compare(
                scenario.Contract, charset, new SideResponse(candidate.Profile, left), new SideResponse(reference.Profile, right), pair);
            findings.AddRange(equivalence.Findings);
            diff = equivalence.Diff;
        }

        var all = findings.ToImmutable();
        return new ScenarioResult(scenario.Id, claimId, ParityVerdict.Worst(all), [sides[0].Observation, sides[1].Observation], all, diff);
    }

    public static Observation Observe(string profile, string scenario, WireOutcome outcome, IEnumerable<string> extraHeaders)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Response is not { } response)
        {
            return new Observation(profile, scenario, null, null, ImmutableSortedDictionary<string, string>.Empty, 0, null, null, 0, outcome.Error);
        }

        var headers = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in HeadersOfInterest.Concat(extraHeaders))
        {
            if (response.Header(name) is { } value)
            {
                headers[name.ToLowerInvariant()] = value;
            }
        }

        return new Observation(
            profile,
            scenario,
            response.Status,
            response.HttpVersion,
            headers.ToImmutable(),
            response.Body.Length,
            Excerpt.Clip(Encoding.UTF8.GetString(response.Body.Span), 240),
            Convert.ToHexStringLower(SHA256.HashData(response.Body.Span)),
            Math.Round(response.Elapsed.TotalMilliseconds, 3),
            null);
    }

    private static async Task<SideResult> SideAsync(ScenarioDefinition scenario, ParitySide side, TimeSpan timeout, CancellationToken ct)
    {
        var extra = scenario.Contract.RequiredHeaders.IsDefault ? [] : scenario.Contract.RequiredHeaders.Select(h => h.Name);
        if (side.BaseUri is null)
        {
            var missing = WireOutcome.Failed(side.Unavailable ?? "server not started");
            return new SideResult(null, Observe(side.Profile, scenario.Id, missing, extra), [Unavailable("server.start", side)]);
        }

        var outcome = await WireClient.SendAsync(side.BaseUri, WireRequest.For(scenario), timeout, ct).ConfigureAwait(false);
        var observation = Observe(side.Profile, scenario.Id, outcome, extra);
        if (outcome.Response is not { } response)
        {
            var request = $"{scenario.Method} {scenario.Path}";
            return new SideResult(null, observation, [ParityFinding.Fail("http.request", side.Profile, $"{request}: {outcome.Error}", "a response", outcome.Error)]);
        }

        ImmutableArray<ParityFinding> findings =
            [.. ContractChecks.Evaluate(scenario.Contract, response, side.Profile), .. TransportChecks.Evaluate(response, side.Profile)];
        return new SideResult(response, observation, findings);
    }

    private static ParityFinding Unavailable(string check, ParitySide side) =>
        ParityFinding.Fail(check, side.Profile, $"server not available: {side.Unavailable ?? "not started"}", "a running server", side.Unavailable);

    private sealed record SideResult(WireResponse? Response, Observation Observation, ImmutableArray<ParityFinding> Findings);
}
