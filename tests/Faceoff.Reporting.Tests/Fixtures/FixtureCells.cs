using System.Collections.Immutable;
using Faceoff.Reporting.Model;

namespace Faceoff.Reporting.Tests.Fixtures;

/// <summary>Builds the cells of the synthetic campaign: realistic numbers from a deterministic formula.</summary>
internal static class FixtureCells
{
    public const int Repeats = 3;
    public const double PassSeconds = 3;

    /// <summary>The one failed cell: the reference server is killed during api_echo at 8 connections.</summary>
    public static readonly (string Pair, ProfileRole Role, string Scenario, int Concurrency) Failed =
        ("middleware_heavy", ProfileRole.Reference, "api_echo", 8);

    /// <summary>The one unstable cell: the candidate's api_echo at 1 connection varies 40%+ between repeats.</summary>
    public static readonly (string Pair, ProfileRole Role, string Scenario, int Concurrency) Unstable =
        ("middleware_heavy", ProfileRole.Candidate, "api_echo", 1);

    public static CellReport Build(PairSnapshot pair, ScenarioShape shape, ProfileRole role, int stepIndex, int concurrency, double maxCv)
    {
        var profile = role == ProfileRole.Candidate ? pair.CandidateProfile : pair.ReferenceProfile;
        var key = (pair.Name, role, shape.Scenario, concurrency);
        var baseRps = role == ProfileRole.Candidate ? shape.CandidateRps[stepIndex] : shape.CandidateRps[stepIndex] / shape.Ratio[stepIndex];
        var dir = $"raw/{pair.Name}/{profile}/{shape.Scenario}/c{concurrency}";
        var log = $"logs/{pair.Name}/{profile}/{shape.Scenario}/c{concurrency}.log";
        var warmup = new WarmupResult(3 + (stepIndex * 1.5) + (role == ProfileRole.Reference ? 2 : 0), 3 + stepIndex, !(key == Unstable), key == Unstable ? 0.081 : 0.021 + (0.004 * stepIndex));

        if (key == Failed)
        {
            var first = Repeat(dir, 1, concurrency, baseRps, shape.BaseLatencyUs, 0.0, role, errors: 3);
            return new CellReport(pair.Name, profile, role, shape.Scenario, concurrency, CellStatus.Failed,
                new CellFailure("server exited during measured repeat 2 of 3", null, "SIGKILL",
                [
                    "INFO:     Started server process [48213]",
                    "INFO:     Waiting for application startup.",
                    "INFO:     Application startup complete.",
                    "INFO:     Uvicorn running on http://127.0.0.1:3312 (Press CTRL+C to quit)",
                    "Killed",
                ]),
                warmup, [first], null, log);
        }

        double[] noise = key == Unstable ? [-0.42, 0.05, 0.38] : [-0.018, 0.004, 0.021];
        var repeats = Enumerable.Range(1, Repeats)
            .Select(r => Repeat(dir, r, concurrency, baseRps, shape.BaseLatencyUs, noise[(r + stepIndex) % noise.Length], role))
            .ToList();
        return new CellReport(pair.Name, profile, role, shape.Scenario, concurrency, CellStatus.Ok, null, warmup, repeats, Aggregate(repeats, maxCv), log);
    }

    private static RepeatResult Repeat(
        string dir, int repeat, int concurrency, double baseRps, double baseLatencyUs, double noise, ProfileRole role, long errors = 0)
    {
        var rps = Math.Round(baseRps * (1 + noise), 1);
        var requests = (long)(rps * PassSeconds);
        // Little's law: with c connections each waiting for its response, the mean latency is c / throughput.
        var p50 = Math.Round(Math.Max(baseLatencyUs, concurrency / rps * 1e6 * 0.92), 1);
        var latency = new LatencyStats(
            Math.Round(p50 * 1.08, 1), Math.Round(p50 * 0.55, 1), p50, Math.Round(p50 * 1.16, 1), Math.Round(p50 * 1.42, 1),
            Math.Round(p50 * 1.71, 1), Math.Round(p50 * 2.9, 1), Math.Round(p50 * 5.2, 1), Math.Round(p50 * 9.4, 1), Math.Round(p50 * 15.5, 1));
        long[] perSecond = [(long)(rps * 0.58), (long)(rps * 1.01), (long)(rps * 0.99), (long)(rps * 0.42)];
        return new RepeatResult(
            repeat,
            requests,
            errors,
            errors == 0
                ? ImmutableSortedDictionary<string, long>.Empty
                : ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("closed_mid_response", errors)]),
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("200", requests)]),
            PassSeconds + 0.004,
            rps,
            Math.Round(rps * (role == ProfileRole.Candidate ? 171 : 163), 1),
            latency,
            perSecond,
            [0, 0, errors, 0],
            requests / 100,
            0,
            [],
            Math.Round(PassSeconds * Math.Min(1.0, 0.35 + (0.08 * concurrency)) * (role == ProfileRole.Candidate ? 1.1 : 0.97), 3),
            role == ProfileRole.Candidate ? 61_440 : 43_008,
            role == ProfileRole.Candidate ? 66_560 : 43_520,
            (role == ProfileRole.Candidate ? 67_584 : 44_032) + (concurrency * 256),
            $"{dir}/r{repeat}.json",
            $"{dir}/r{repeat}.hlog");
    }

    private static CellAggregates Aggregate(IReadOnlyList<RepeatResult> repeats, double maxCv)
    {
        MetricSpread Of(Func<RepeatResult, double> value) => SpreadMath.Spread([.. repeats.Select(value)]);
        var throughput = Of(r => r.RequestsPerSecond);
        var unstable = throughput.Cv > maxCv;
        List<double?> perRepeatCv = [.. repeats.Select(r => SpreadMath.Cv([.. r.PerSecondCompleted.Skip(1).Take(r.PerSecondCompleted.Count - 2).Select(v => (double)v)]))];
        return new CellAggregates(
            throughput,
            new LatencySpread(
                Of(r => r.Latency.P50Us), Of(r => r.Latency.P75Us), Of(r => r.Latency.P90Us), Of(r => r.Latency.P95Us),
                Of(r => r.Latency.P99Us), Of(r => r.Latency.P999Us), Of(r => r.Latency.MeanUs)),
            new PassStabilityStats(perRepeatCv, SpreadMath.Quantile([.. perRepeatCv.Select(v => v!.Value)], 0.5), perRepeatCv.Max()),
            Of(r => r.ServerCpuSeconds),
            Of(r => r.RssPeakKib),
            repeats.Sum(r => r.Requests),
            repeats.Sum(r => r.Errors),
            repeats.Sum(r => r.ContractViolations),
            unstable,
            unstable ? [$"throughput CV {throughput.Cv:0.000} across repeats exceeds the bound {maxCv:0.00}"] : []);
    }
}
