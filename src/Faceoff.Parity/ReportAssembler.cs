using System.Collections.Immutable;
using Faceoff.Protocol.Model;

namespace Faceoff.Parity;

/// <summary>One finding placed in the report: the claim it counts against (if any) and what it is about.</summary>
/// <param name="Scope">E.g. <c>comparison_http/api_status</c>, <c>comparison_http</c>, <c>aspnet</c>.</param>
public sealed record ScopedFinding(string? ClaimId, string Scope, ParityFinding Finding)
{
    /// <summary><c>FAIL C02 comparison_http/api_status json.required_keys: fastapi_comparison_http: key "ok" missing (expected boolean)</c>.</summary>
    public string OneLine
    {
        get
        {
            var status = Finding.Status.ToString().ToUpperInvariant();
            return ClaimId is null ? $"{status} {Scope} {Finding.OneLine}" : $"{status} {ClaimId} {Scope} {Finding.OneLine}";
        }
    }
}

/// <summary>Folds pair and framework results into claims, the verdict, the first failure and the warnings.</summary>
public static class ReportAssembler
{
    public const string KeepAliveClaim = "C04";
    public const string BackpressureClaim = "C05";

    public static ParityReport Assemble(
        CampaignProtocol protocol, DateTimeOffset startedAt, TimeSpan duration, ImmutableArray<PairResult> pairs, ImmutableArray<FrameworkResult> frameworks)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var scoped = Scoped(protocol, pairs, frameworks).ToList();
        var claims = protocol.ClaimTargets.Select(t => ScenarioClaim(t, pairs)).ToList();
        claims.Add(KeepAlive(protocol, pairs));
        claims.Add(Backpressure(frameworks));
        return new ParityReport
        {
            Protocol = protocol.Name,
            ProtocolPath = protocol.SourcePath,
            StartedAt = startedAt,
            DurationSeconds = Math.Round(duration.TotalSeconds, 3),
            Status = ParityVerdict.Worst(scoped.Select(s => s.Finding).Concat(claims.SelectMany(c => c.Findings))),
            FirstFailure = scoped.FirstOrDefault(s => s.Finding.Status == ParityStatus.Fail)?.OneLine
                ?? claims.SelectMany(c => c.Findings.Select(f => new ScopedFinding(c.ClaimId, c.Scope.FirstOrDefault() ?? c.ClaimId, f)))
                    .FirstOrDefault(s => s.Finding.Status == ParityStatus.Fail)?.OneLine,
            Warnings = [.. scoped.Where(s => s.Finding.Status == ParityStatus.Warn).Select(s => s.OneLine)],
            Claims = [.. claims],
            Pairs = pairs,
            Frameworks = frameworks,
        };
    }

    /// <summary>Every finding in report order: pairs (scenarios, server health, keep-alive), then frameworks (transport, backpressure).</summary>
    public static IEnumerable<ScopedFinding> Scoped(CampaignProtocol protocol, IEnumerable<PairResult> pairs, IEnumerable<FrameworkResult> frameworks)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        foreach (var pair in pairs)
        {
            foreach (var scenario in pair.Scenarios)
            {
                foreach (var finding in scenario.Findings)
                {
                    yield return new ScopedFinding(scenario.ClaimId, $"{pair.Name}/{scenario.Scenario}", finding);
                }
            }

            foreach (var finding in pair.ServerHealth)
            {
                yield return new ScopedFinding(null, pair.Name, finding);
            }

            foreach (var finding in pair.KeepAlive)
            {
                yield return new ScopedFinding(KeepAliveClaim, $"{pair.Name}/{pair.KeepAliveScenario}", finding);
            }
        }

        foreach (var framework in frameworks)
        {
            foreach (var finding in framework.Transport)
            {
                yield return new ScopedFinding(null, framework.Framework, finding);
            }

            foreach (var finding in framework.Backpressure)
            {
                yield return new ScopedFinding(BackpressureClaim, $"{framework.Framework}/constrained", finding);
            }
        }
    }

    private static ClaimResult ScenarioClaim(ClaimTarget target, ImmutableArray<PairResult> pairs)
    {
        var scope = $"{target.Pair}/{target.Scenario}";
        var pair = pairs.FirstOrDefault(p => p.Name == target.Pair);
        var scenario = pair?.Scenarios.FirstOrDefault(s => s.Scenario == target.Scenario);
        if (pair is null || scenario is null)
        {
            var missing = ParityFinding.Fail(
                "claim.scenario", scope, $"scenario \"{target.Scenario}\" was not checked: it is not served by both profiles of pair \"{target.Pair}\"", "checked", "absent");
            return new ClaimResult(target.ClaimId, $"{target.Scenario} ({target.Pair})", ParityStatus.Fail, [scope], [missing], [], [], []);
        }

        var findings = scenario.Findings.AddRange(pair.ServerHealth);
        return new ClaimResult(
            target.ClaimId,
            $"{target.Scenario} contract and equivalence ({target.Pair})",
            ParityVerdict.Worst(findings),
            [scope],
            findings,
            scenario.Observations,
            scenario.Diff is null ? [] : [scenario.Diff],
            LogPaths(pair.Candidate, pair.Reference));
    }

    private static ClaimResult KeepAlive(CampaignProtocol protocol, ImmutableArray<PairResult> pairs)
    {
        var findings = pairs.SelectMany(p => p.KeepAlive).ToImmutableArray();
        return new ClaimResult(
            KeepAliveClaim,
            $"keep-alive: two \"{protocol.Parity.KeepAliveScenario}\" requests on one socket",
            ParityVerdict.Worst(findings),
            [.. pairs.Select(p => $"{p.Name}/{p.KeepAliveScenario}")],
            findings,
            [],
            [],
            LogPaths([.. pairs.SelectMany(p => new[] { p.Candidate, p.Reference })]));
    }

    private static ClaimResult Backpressure(ImmutableArray<FrameworkResult> frameworks)
    {
        var findings = frameworks.SelectMany(f => f.Backpressure).ToImmutableArray();
        return new ClaimResult(
            BackpressureClaim,
            "backpressure: overload status under max in-flight holds, then recovery",
            ParityVerdict.Worst(findings),
            [.. frameworks.Select(f => $"{f.Framework}/constrained")],
            findings,
            [],
            [],
            LogPaths([.. frameworks.Select(f => f.ConstrainedServer).OfType<ServerRecord>()]));
    }

    private static ImmutableArray<string> LogPaths(params ServerRecord[] servers) =>
        [.. servers.Select(s => s.LogPath).OfType<string>().Distinct()];
}
