using System.Collections.Immutable;
using System.Globalization;
using Faceoff.Campaign.Model;
using Faceoff.Protocol.Model;
using Faceoff.Reporting.Model;
using Faceoff.Reporting.Text;
using Faceoff.Statistics;
using Faceoff.Statistics.Claims;
using ReportStatus = Faceoff.Reporting.Model.RunStatus;

namespace Faceoff.Campaign.Publishing;

/// <summary>
/// Builds the campaign report from what the run directory holds: the journal and every stored cell.
/// Nothing comes from memory of the session, so a resumed run reports the cells of every session alike.
/// </summary>
internal static class ReportBuilder
{
    /// <param name="hosts">The hosts part (<see cref="HostsReportReader"/>); null for a run on this machine alone.</param>
    public static CampaignReport Build(
        CampaignProtocol protocol, RunState state, IReadOnlyList<CellRecord> cells, IReadOnlyList<ArtifactEntry> artifacts, HostsReport? hosts = null)
    {
        var settings = StatisticsSettings.Default with
        {
            ConfidenceLevel = protocol.Comparison.ConfidenceLevel,
            EquivalenceBand = protocol.Comparison.EquivalenceBand,
            MaxCv = protocol.Reproducibility.MaxCvRatio,
        };
        settings = LaunchCost.InRepeats(cells) is { } cost ? settings with { LaunchCostInRepeats = cost } : settings;
        var parityVerified = state.Parity == ParityStatus.Passed;
        var ordered = cells.OrderBy(c => c.StartedAt).ThenBy(c => c.Pair, StringComparer.Ordinal).ToList();
        // Family-wise (Benjamini–Hochberg) over every row of the campaign: claims and the A/A check read the adjusted verdicts.
        var rows = FamilyVerdicts.Adjust(
            [.. ordered.Select(c => ComparisonCalculator.Compare(
                c.Pair,
                CellMapping.Measurements(c, Side.Candidate),
                CellMapping.Measurements(c, Side.Reference),
                parityVerified,
                settings))],
            settings);
        var sides = ordered.Zip(rows).SelectMany(pair => new[]
        {
            CellMapping.Report(pair.First, Side.Candidate, pair.Second.Candidate),
            CellMapping.Report(pair.First, Side.Reference, pair.Second.Reference),
        }).ToList();
        var claims = protocol.ClaimTargets.Select(t => ClaimRules.Evaluate(
            new Statistics.Claims.ClaimTarget(t.ClaimId, t.Pair, t.Scenario),
            [.. LadderOf(protocol, t.Pair)],
            rows)).Select(c => state.Flags.Quick ? Smoke(c) : c).ToList();
        var (status, detail) = Status(state, cells);
        var comparisons = rows.Select(ComparisonReport.From).ToList();
        var aa = AaProtocol.ProfileOf(protocol) is { } aaProfile ? AaCheck.Evaluate(aaProfile, comparisons) : null;

        return new CampaignReport
        {
            RunId = state.RunId,
            StartedUtc = state.StartedAt,
            FinishedUtc = state.FinishedAt,
            Status = status,
            StatusDetail = detail,
            Protocol = ProtocolSnapshotMapper.From(protocol),
            Machine = state.Prepare?.Machine ?? new MachineInfo("unknown", Environment.ProcessorCount, 0, "unknown", "unknown", "unknown"),
            ToolVersions = (state.Prepare?.ToolVersions ?? new Dictionary<string, string>()).ToImmutableSortedDictionary(StringComparer.Ordinal),
            Environment = new EnvironmentFlags(state.Flags.SkipBuild, state.Flags.SkipParity is not null, state.Flags.Pinning, state.Flags.Quick),
            Parity = new ParitySummary(state.Parity, state.ParityChecks, state.ParityReportPath),
            Sides = sides,
            MeasuredPassOrder = [.. ordered.SelectMany(c => c.Passes
                .Where(p => p.Kind == PassKind.Measured)
                .Select(p => PassId.Format(c.Pair, p.Profile, c.Scenario, c.Concurrency, p.Repeat)))],
            Comparisons = comparisons,
            Claims = claims,
            Aa = aa,
            Hosts = hosts,
            ClaimRules = ClaimRules.Text,
            StatisticsMethod = [.. Statistics.StatisticsMethod.Describe(settings), .. TwoLevelMethod.Describe(settings)],
            Notes = [.. Notes(protocol, state, ordered), .. AaNotes(aa)],
            Artifacts = artifacts,
        };
    }

    /// <summary>A smoke run's claim: quick sizing cannot back one, whatever its steps' numbers say.</summary>
    private static ClaimResult Smoke(ClaimResult claim) => claim with
    {
        Status = ClaimStatus.Unverified,
        Steps = [.. claim.Steps.Select(s => s with { Status = ClaimStatus.Unverified, Reason = SmokeVerdict.Text })],
        Summary = $"{SmokeVerdict.Text}: quick sizing cannot support a verdict",
    };

    private static ImmutableArray<int> LadderOf(CampaignProtocol protocol, string pairName) =>
        protocol.Pairs.FirstOrDefault(p => p.Name == pairName) is { } pair ? protocol.LadderFor(pair) : [];

    private static (ReportStatus Status, string Detail) Status(RunState state, IReadOnlyList<CellRecord> cells)
    {
        var failed = cells.Count(c => c.Status == CellStatus.Failed);
        return state.Status switch
        {
            RunJournalStatus.Interrupted => (ReportStatus.Interrupted,
                $"interrupted after {cells.Count} cell(s); continue with 'faceoff run --resume {state.RunId}'"),
            RunJournalStatus.ParityFailed => (ReportStatus.Failed, $"parity gate failed: {state.ParityFirstDifference}"),
            RunJournalStatus.PrepareFailed => (ReportStatus.Failed, state.Message ?? "prepare failed"),
            _ when failed > 0 => (ReportStatus.Partial, $"{failed} of {cells.Count} cell(s) failed; the claims that depend on them are unverified"),
            _ => (ReportStatus.Complete, $"all {cells.Count} cell(s) completed"),
        };
    }

    private static List<string> Notes(CampaignProtocol protocol, RunState state, List<CellRecord> cells)
    {
        var notes = new List<string>
        {
            "Within each cell the measured repeats alternate candidate and reference (cand r1, ref r1, cand r2, …) so drift of the machine over the cell cannot favour one side; the order is listed in measured_pass_order.",
            "Warmup and measurement use the same server process: each pair's two servers stay up for all of the pair's cells unless one fails.",
            "Every scenario is warm before it is measured: before the first cell of each scenario on a server process, that scenario is driven in short passes (warmup.until_stable.pass_seconds) at the cell's step until its throughput is stable (or the bound is reached), on both sides; each such warmup is recorded below and in the cell file.",
        };
        notes.AddRange(state.Prepare?.Notes ?? []);
        if (state.Flags.SkipParity is { } origin)
        {
            notes.Add($"The parity gate was skipped ({origin}): the apps are not proven to do the same work, so no comparison is publishable.");
        }
        if (state.Flags.Quick)
        {
            notes.Add("Quick (smoke) mode: reduced ladder, short passes and a fixed warmup; the numbers are indicative only. " + SmokeVerdict.Why);
        }
        if (state.Sessions.Count > 1)
        {
            notes.Add($"The run was resumed {state.Sessions.Count - 1} time(s); sessions started at {string.Join(", ", state.Sessions.Select(Time))}. Cells finished in an earlier session were kept, not measured again.");
        }
        notes.AddRange(MachineNotes(state.Machine));
        notes.AddRange(cells.SelectMany(c => c.DiscardedLaunches.Select(d => DiscardedNote(c, d))));
        notes.AddRange(CellRecords.Warmups(cells).Select(w => WarmupNote(w.Warmup, w.Server.Pid)));
        notes.AddRange(cells
            .Where(c => c.Status == CellStatus.Failed)
            .SelectMany(c => c.Failures.Select(f => $"Cell {c.Key} failed: {f.OneLine}{Exit(f)}.")));
        var missing = protocol.Pairs.Sum(p => protocol.LadderFor(p).Length * protocol.ScenariosFor(p).Length) - cells.Count;
        if (missing > 0)
        {
            notes.Add($"{missing} planned cell(s) were not measured.");
        }
        return notes;
    }

    /// <summary>An A/A run's purpose and its result, which is the run's verdict in place of claims.</summary>
    private static IEnumerable<string> AaNotes(AaCheck? check)
    {
        if (check is null)
        {
            return [];
        }
        var profile = check.Profile;
        return
        [
            $"A/A mode ({AaProtocol.Origin} {profile}): both sides of every cell are {profile}, so every row should come out no significant difference or inconclusive; claim targets were dropped.",
            check.Summary + ".",
            .. check.Different.Select(d => $"A/A row that came out different: {d}."),
            .. check.Unpublishable.Select(u => $"A/A row that was not publishable: {u}."),
        ];
    }

    private static IEnumerable<string> MachineNotes(MachineJournal? journal)
    {
        if (journal is null)
        {
            yield break;
        }
        static string Share(double speed) => speed.ToString("0%", CultureInfo.InvariantCulture);
        var bound = Share(journal.MinSpeed);
        var probe = journal.BaselineMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
        yield return $"Machine speed: checked before each of {journal.Checks} cell launch(es) against the fastest probe of the run ({probe} ms); "
            + (journal.Slow.Count == 0
                ? $"it never fell below {bound} of that speed."
                : $"it was below {bound} of that speed {journal.Slow.Count} time(s), and the run waited for it to recover (at most {journal.MaxWaitSeconds:0} s each).");
        foreach (var slow in journal.Slow)
        {
            yield return $"Slowed machine before {slow.Where} at {Time(slow.At)}: as low as {Share(slow.Slowest)} of the calibrated speed"
                + (slow.Recovered
                    ? $"; the run waited {slow.WaitedSeconds:0.#} s and measured at {Share(slow.Final)}."
                    : $" and still at {Share(slow.Final)} after {slow.WaitedSeconds:0.#} s; that cell launch was measured on the slowed machine.");
        }
    }

    private static string DiscardedNote(CellRecord cell, DiscardedLaunch discarded)
    {
        static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
        var measured = discarded.Passes.Count(p => p.Kind == PassKind.Measured);
        return $"Cell {cell.Key} launch {discarded.Launch} was measured again: at {Time(discarded.At)} the {discarded.Side.Long()}'s repeats on one "
            + $"process spread to CV {F(discarded.Cv)} (bound {F(discarded.MaxCv)}); that attempt's {measured} measured pass(es) are kept in the cell "
            + "file under discarded, with their files, and do not count.";
    }

    private static string WarmupNote(ServerWarmupRecord w, int pid)
    {
        var cv = w.FinalCv is { } value ? value.ToString("0.###", CultureInfo.InvariantCulture) : "n/a";
        var outcome = w.Stabilised
            ? $"reached steady throughput after {w.Seconds:0.0} s"
            : $"did not reach steady throughput within {w.Seconds:0.0} s and was measured anyway";
        return $"Server warmup: {w.Pair} {w.Profile} (pid {pid}) on {w.Scenario} {outcome} (cv {cv} over the last {StabilityRule.Passes(w.WindowSeconds, w.PassSeconds)} passes of {w.PassSeconds:0.###} s at c={w.Concurrency}, bound {w.MaxCv:0.###}).";
    }

    private static string Exit(ServerFailure failure) =>
        failure.Signal is { } signal ? $" ({signal})" : failure.ExitCode is { } code ? $" (exit code {code})" : "";

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
