namespace Faceoff.Protocol.Reading;

/// <summary>
/// Checks what refers to what once everything is read: profiles → frameworks and scenarios, pairs → profiles
/// and ports, claims → pairs and scenarios both sides serve, the keep-alive scenario. Parts that failed to read
/// are skipped, since their own error is already reported.
/// </summary>
internal sealed class ReferenceChecker(ProtocolDraft draft, Diagnostics diagnostics)
{
    public void Check()
    {
        CheckProfiles();
        CheckPairs();
        CheckClaims();
        CheckKnownDifferences();
        CheckHosts();
        if (draft.KeepAliveScenario is { } keepAlive)
        {
            Resolve(keepAlive, draft.ScenarioIds, "scenario");
        }
    }

    private void CheckProfiles()
    {
        foreach (var profile in draft.Profiles)
        {
            if (profile.Framework is { } framework)
            {
                Resolve(framework, draft.FrameworkIds, "framework");
            }

            foreach (var scenario in profile.Scenarios)
            {
                Resolve(scenario, draft.ScenarioIds, "scenario");
            }
        }
    }

    private void CheckPairs()
    {
        var names = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
        var ports = new Dictionary<int, string>();
        var profileIds = draft.Profiles.Select(profile => profile.Id).ToList();
        foreach (var pair in draft.Pairs)
        {
            if (pair.Name is { } located && !names.TryAdd(located.Value, located))
            {
                var first = names[located.Value].At;
                diagnostics.Report(located.At, $"duplicate pair name \"{located.Value}\" (first at line {first.Line}:{first.Column})");
            }

            var candidateKnown = pair.Candidate is { } candidate && Resolve(candidate, profileIds, "profile");
            var referenceKnown = pair.Reference is { } reference && Resolve(reference, profileIds, "profile");
            if (candidateKnown && referenceKnown && SharedScenarios(pair).Count == 0)
            {
                diagnostics.Report(pair.At, $"profiles \"{pair.Candidate!.Value}\" and \"{pair.Reference!.Value}\" serve no scenario in common, so the pair compares nothing");
            }

            CheckPorts(pair, ports);
        }
    }

    /// <summary>Every server needs its own port: the two sides of a pair, and every side of every other pair.</summary>
    private void CheckPorts(PairDraft pair, Dictionary<int, string> used)
    {
        if (pair.CandidatePort is { } candidatePort && pair.ReferencePort is { } referencePort && candidatePort.Value == referencePort.Value)
        {
            diagnostics.Report(referencePort.At, $"reference port {referencePort.Value} is the same as the candidate port; the two servers need different ports");
        }

        foreach (var (port, side) in new[] { (pair.CandidatePort, "candidate"), (pair.ReferencePort, "reference") })
        {
            // A reference port equal to its own candidate's was just reported; do not report it twice.
            if (port is null || (side == "reference" && port.Value == pair.CandidatePort?.Value))
            {
                continue;
            }

            if (!used.TryAdd(port.Value, $"pair \"{pair.Name?.Value}\" ({side})"))
            {
                diagnostics.Report(port.At, $"port {port.Value} is already used by {used[port.Value]}; every server needs its own port");
            }
        }
    }

    private void CheckClaims()
    {
        var ids = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
        foreach (var claim in draft.Claims)
        {
            if (claim.Id is { } id && !ids.TryAdd(id.Value, id))
            {
                var first = ids[id.Value].At;
                diagnostics.Report(id.At, $"duplicate claim id \"{id.Value}\" (first at line {first.Line}:{first.Column})");
            }

            var pairNames = draft.Pairs.Where(pair => pair.Name is not null).Select(pair => pair.Name!.Value).ToList();
            if (claim.Pair is not { } pairName || !Resolve(pairName, pairNames, "pair") || claim.Scenario is not { } scenario)
            {
                continue;
            }

            var pair = draft.Pairs.First(named => named.Name?.Value == pairName.Value);
            if (!Resolve(scenario, draft.ScenarioIds, "scenario") || !IsProfile(pair.Candidate) || !IsProfile(pair.Reference))
            {
                continue;
            }

            var shared = SharedScenarios(pair);
            if (!shared.Contains(scenario.Value))
            {
                var served = shared.Count == 0 ? "none" : string.Join(", ", shared);
                diagnostics.Report(scenario.At, $"scenario \"{scenario.Value}\" is not served by both profiles of pair \"{pairName.Value}\" ({pair.Candidate!.Value}, {pair.Reference!.Value}); they both serve: {served}");
            }
        }
    }

    /// <summary>A v1 file takes its known differences from the base, where they were checked against the base's own pairs.</summary>
    private void CheckKnownDifferences()
    {
        if (draft.BaseProtocolPath is not null)
        {
            return;
        }

        var pairNames = draft.Pairs.Where(pair => pair.Name is not null).Select(pair => pair.Name!.Value).ToList();
        foreach (var known in draft.KnownDifferences)
        {
            if (known.Pair is { } pair)
            {
                Resolve(pair, pairNames, "pair");
            }

            if (known.Scenario is { } scenario)
            {
                Resolve(scenario, draft.ScenarioIds, "scenario");
            }
        }
    }

    /// <summary>Every host a pair or the campaign names must be declared (or be the implicit "local").</summary>
    private void CheckHosts()
    {
        var known = draft.HostIds.Order(StringComparer.Ordinal).ToList();
        foreach (var name in draft.LoadHosts)
        {
            Resolve(name, known, "host");
        }

        foreach (var pair in draft.Pairs)
        {
            if (pair.ServerHost is { } server)
            {
                Resolve(server, known, "host");
            }

            foreach (var name in pair.LoadHosts)
            {
                Resolve(name, known, "host");
            }
        }
    }

    /// <summary>Whether a pair side names a profile that exists (an unknown one is reported with the pair).</summary>
    private bool IsProfile(Located<string>? side) => side is not null && draft.Profiles.Exists(profile => profile.Id == side.Value);

    /// <summary>Scenarios both profiles of a pair list, in the candidate's order (as the model compares them).</summary>
    private List<string> SharedScenarios(PairDraft pair)
    {
        var candidate = draft.Profiles.FirstOrDefault(profile => profile.Id == pair.Candidate?.Value);
        var reference = draft.Profiles.FirstOrDefault(profile => profile.Id == pair.Reference?.Value);
        if (candidate is null || reference is null)
        {
            return [];
        }

        var served = reference.Scenarios.Select(scenario => scenario.Value).ToHashSet(StringComparer.Ordinal);
        return [.. candidate.Scenarios.Select(scenario => scenario.Value).Where(served.Contains)];
    }

    /// <summary>True when <paramref name="reference"/> names one of <paramref name="known"/>; otherwise reports it.</summary>
    private bool Resolve(Located<string> reference, IReadOnlyCollection<string> known, string kind)
    {
        if (known.Contains(reference.Value))
        {
            return true;
        }

        var defined = known.Count == 0 ? "none are defined" : "defined: " + string.Join(", ", known);
        var where = draft.BaseProtocolPath is not null && kind is "profile" or "framework" or "scenario"
            ? $" in the base protocol {draft.BaseProtocolPath}"
            : string.Empty;
        diagnostics.Report(reference.At, $"unknown {kind} \"{reference.Value}\"{where} ({defined})");
        return false;
    }
}
