using System.Collections.Immutable;
using Faceoff.Reporting.Model;
using Faceoff.Statistics;

namespace Faceoff.Reporting.Tests.Fixtures;

/// <summary>Builds the cells of the synthetic campaign: realistic numbers from a deterministic formula.</summary>
internal static class FixtureCells
{
    public const int Repeats = 3;
    public const double PassSeconds = 3;

    /// <summary>The one failed cell: the reference server is killed during api_echo at 8 connections.</summary>
    public static readonly (string Pair, Side Role, string Scenario, int Concurrency) Failed =
        ("middleware_heavy", Side.Reference, "api_echo", 8);

    /// <summary>The one unstable cell: the candidate's api_echo at 1 connection varies 40%+ between repeats.</summary>
    public static readonly (string Pair, Side Role, string Scenario, int Concurrency) Unstable =
        ("middleware_heavy", Side.Candidate, "api_echo", 1);

    public static SideReport Build(PairSnapshot pair, ScenarioShape shape, Side role, int stepIndex, int concurrency, double maxCv)
    {
        var profile = role == Side.Candidate ? pair.CandidateProfile : pair.ReferenceProfile;
        var key = (pair.Name, role, shape.Scenario, concurrency);
        var baseRps = role == Side.Candidate ? shape.CandidateRps[stepIndex] : shape.CandidateRps[stepIndex] / shape.Ratio[stepIndex];
        var dir = $"raw/{pair.Name}/{profile}/{shape.Scenario}/c{concurrency}";
        var log = $"logs/{pair.Name}/{profile}/{shape.Scenario}/c{concurrency}.log";
        var warmup = new WarmupResult(3 + (stepIndex * 1.5) + (role == Side.Reference ? 2 : 0), 3 + stepIndex, !(key == Unstable), key == Unstable ? 0.081 : 0.021 + (0.004 * stepIndex));

        if (key == Failed)
        {
            var first = Repeat(dir, profile, 1, concurrency, baseRps, shape.BaseLatencyUs, 0.0, role, errors: 3);
            return new SideReport(pair.Name, profile, role, shape.Scenario, concurrency, CellStatus.Failed,
                new CellFailure("server exited during measured repeat 2 of 3", null, "SIGKILL",
                [
                    "INFO:     Started server process [48213]",
                    "INFO:     Waiting for application startup.",
                    "INFO:     Application startup complete.",
                    "INFO:     Uvicorn running on http://127.0.0.1:3312 (Press CTRL+C to quit)",
                    "Killed",
                ]),
                warmup, [first], Statistics(pair, shape, role, concurrency, [first], maxCv, failed: true), log);
        }

        double[] noise = key == Unstable ? [-0.42, 0.05, 0.38] : [-0.018, 0.004, 0.021];
        var repeats = Enumerable.Range(1, Repeats)
            .Select(r => Repeat(dir, profile, r, concurrency, baseRps, shape.BaseLatencyUs, noise[(r + stepIndex) % noise.Length], role))
            .ToList();
        return new SideReport(pair.Name, profile, role, shape.Scenario, concurrency, CellStatus.Completed, null, warmup, repeats, Statistics(pair, shape, role, concurrency, repeats, maxCv, failed: false), log);
    }

    private static PassRecord Repeat(
        string dir, string profile, int repeat, int concurrency, double baseRps, double baseLatencyUs, double noise, Side role, long errors = 0)
    {
        var rps = Math.Round(baseRps * (1 + noise), 1);
        var requests = (long)(rps * PassSeconds);
        // Little's law: with c connections each waiting for its response, the mean latency is c / throughput.
        var p50 = Math.Round(Math.Max(baseLatencyUs, concurrency / rps * 1e6 * 0.92), 1);
        var latency = new LatencyStats(
            Math.Round(p50 * 1.08, 1), Math.Round(p50 * 0.55, 1), p50, Math.Round(p50 * 1.16, 1), Math.Round(p50 * 1.42, 1),
            Math.Round(p50 * 1.71, 1), Math.Round(p50 * 2.9, 1), Math.Round(p50 * 5.2, 1), Math.Round(p50 * 9.4, 1), Math.Round(p50 * 15.5, 1));
        long[] perSecond = [(long)(rps * 0.58), (long)(rps * 1.01), (long)(rps * 0.99), (long)(rps * 0.42)];
        var measurement = new PassMeasurement(
            requests,
            errors,
            PassSeconds + 0.004,
            rps,
            Math.Round(rps * (role == Side.Candidate ? 171 : 163), 1),
            latency,
            perSecond,
            [0, 0, errors, 0],
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("200", requests)]),
            errors == 0
                ? ImmutableSortedDictionary<string, long>.Empty
                : ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("closed_mid_response", errors)]),
            requests / 100,
            0,
            [],
            new ServerResources(
                Math.Round(PassSeconds * Math.Min(1.0, 0.35 + (0.08 * concurrency)) * (role == Side.Candidate ? 1.1 : 0.97), 3),
                role == Side.Candidate ? 61_440 : 43_008,
                role == Side.Candidate ? 66_560 : 43_520,
                (role == Side.Candidate ? 67_584 : 44_032) + (concurrency * 256)));
        var started = new DateTimeOffset(2026, 2, 24, 10, 0, 0, TimeSpan.Zero).AddSeconds(concurrency * 60 + repeat * 8 + (role == Side.Candidate ? 0 : 4));
        return new PassRecord(2 * repeat - (role == Side.Candidate ? 1 : 0), PassKind.Measured, role, profile, repeat, started,
            measurement, $"{dir}/r{repeat}.json", $"{dir}/r{repeat}.hlog");
    }

    /// <summary>What the statistics library computes for a side, worked out here by hand (so the fixture does not test the library with itself).</summary>
    private static SideStatistics Statistics(
        PairSnapshot pair, ScenarioShape shape, Side role, int concurrency, IReadOnlyList<PassRecord> repeats, double maxCv, bool failed)
    {
        var passes = repeats.Select(r => r.Measurement).ToList();
        MetricSummary Of(Func<PassMeasurement, double> value) => SpreadMath.Spread([.. passes.Select(value)]);
        var profile = role == Side.Candidate ? pair.CandidateProfile : pair.ReferenceProfile;
        var key = new SideKey(profile, shape.Scenario, concurrency);
        var requests = passes.Sum(r => r.Requests);
        var errors = passes.Sum(r => r.Errors);
        List<double?> perRepeatCv = [.. passes.Select(r => SpreadMath.Cv([.. r.PerSecondCompleted.Skip(1).Take(r.PerSecondCompleted.Count - 2).Select(v => (double)v)]))];
        var stability = new PassStability(perRepeatCv, SpreadMath.Quantile([.. perRepeatCv.Select(v => v!.Value)], 0.5), perRepeatCv.Max());
        if (failed)
        {
            const string reason = "server exited during measured repeat 2 of 3";
            return new SideStatistics(key, passes.Count, null, null, stability, null, null, requests, errors, 0, (double)errors / requests, false,
                reason, [new QualityIssue(QualityIssueKind.CellFailed, $"cell failed: {reason}")]);
        }
        var throughput = Of(r => r.ThroughputRps);
        var unstable = throughput.Cv > maxCv;
        return new SideStatistics(
            key,
            passes.Count,
            throughput,
            new LatencySummary(
                Of(r => r.LatencyUs.P50Us), Of(r => r.LatencyUs.P75Us), Of(r => r.LatencyUs.P90Us), Of(r => r.LatencyUs.P95Us),
                Of(r => r.LatencyUs.P99Us), Of(r => r.LatencyUs.P999Us), Of(r => r.LatencyUs.MeanUs)),
            stability,
            Of(r => r.Server!.CpuSeconds),
            Of(r => r.Server!.RssPeakKib),
            requests,
            errors,
            passes.Sum(r => r.ContractViolations),
            (double)errors / requests,
            unstable,
            null,
            unstable ? [new QualityIssue(QualityIssueKind.Unstable, $"throughput CV {throughput.Cv:0.000} across repeats exceeds the bound {maxCv:0.00}")] : []);
    }
}
