using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Faceoff.Protocol.Model;
using Faceoff.Reporting.Model;

namespace Faceoff.Reporting.Tests.Fixtures;

/// <summary>
/// A realistic synthetic campaign: 2 pairs × 3 scenarios × ladder 1/4/8 × 3 repeats, one failed cell,
/// one unstable cell, and claims of every status (supported, mixed, unverified, refuted, parity, inconclusive).
/// Deterministic: the same report every time, so golden files and hashes are stable.
/// </summary>
internal static class ReportFixture
{
    public const double EquivalenceBand = 0.05;
    public const double MaxCvRatio = 0.4;

    private static readonly int[] Ladder = [1, 4, 8];

    private static readonly ScenarioShape[] Shapes =
    [
        new("comparison_http", "healthz", [10_850, 21_400, 22_950], [3.6, 3.9, 4.1], 0.03, 55),
        new("comparison_http", "api_status", [9_120, 15_300, 16_100], [1.32, 1.01, 0.82], 0.025, 70),
        new("comparison_http", "root", [6_400, 9_800, 10_200], [0.71, 0.74, 0.78], 0.03, 95),
        new("middleware_heavy", "healthz", [7_900, 12_750, 13_300], [1.005, 0.998, 1.01], 0.015, 80),
        new("middleware_heavy", "api_status_middleware", [6_050, 9_900, 10_400], [1.04, 1.045, 1.035], 0.04, 105),
        new("middleware_heavy", "api_echo", [5_600, 9_100, 9_650], [1.9, 2.1, 2.2], 0.05, 115),
    ];

    private static readonly (string Id, string Pair, string Scenario)[] ClaimTargets =
    [
        ("C01", "comparison_http", "healthz"),
        ("C02", "comparison_http", "api_status"),
        ("C03", "middleware_heavy", "api_echo"),
        ("C04", "comparison_http", "root"),
        ("C05", "middleware_heavy", "healthz"),
        ("C06", "middleware_heavy", "api_status_middleware"),
    ];

    public static CampaignReport Build()
    {
        var protocol = Protocol();
        var cells = new List<SideReport>();
        var order = new List<string>();
        foreach (var pair in protocol.Pairs)
        {
            foreach (var shape in Shapes.Where(s => s.Pair == pair.Name))
            {
                for (var i = 0; i < Ladder.Length; i++)
                {
                    var candidate = FixtureCells.Build(pair, shape, Side.Candidate, i, Ladder[i], MaxCvRatio);
                    var reference = FixtureCells.Build(pair, shape, Side.Reference, i, Ladder[i], MaxCvRatio);
                    cells.Add(candidate);
                    cells.Add(reference);
                    // Candidate and reference alternate repeat by repeat (ABAB), so drift hits both alike.
                    for (var r = 1; r <= FixtureCells.Repeats; r++)
                    {
                        order.AddRange(new[] { candidate, reference }
                            .Where(c => c.Repeats.Count >= r)
                            .Select(c => PassId.Format(c.Pair, c.Profile, c.Scenario, c.Concurrency, r)));
                    }
                }
            }
        }

        var comparisons = FixtureComparisons.Compare(protocol, Shapes, cells, EquivalenceBand);
        return new CampaignReport
        {
            RunId = "20260301T090000Z-7f3a",
            StartedUtc = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero),
            FinishedUtc = new DateTimeOffset(2026, 3, 1, 9, 14, 37, TimeSpan.Zero),
            Status = RunStatus.Partial,
            StatusDetail = "1 of 36 cells failed (the reference server was killed)",
            Protocol = protocol,
            Machine = new MachineInfo("AMD EPYC 7B13", 2, 8_152_004, "6.1.0-31-cloud-amd64", "Debian GNU/Linux 12 (bookworm)", "x64"),
            ToolVersions = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
            {
                ["faceoff"] = "0.1.0",
                ["dotnet"] = "10.0.0",
                ["python"] = "3.11.2",
                ["fastapi"] = "0.115.6",
                ["uvicorn"] = "0.32.1",
                ["uvloop"] = "0.21.0",
                ["httptools"] = "0.6.4",
            }),
            Environment = new EnvironmentFlags(SkipBuild: false, SkipParity: false, Pinning: null, QuickMode: false),
            Parity = Parity(),
            Sides = cells,
            MeasuredPassOrder = order,
            Comparisons = comparisons,
            Claims = FixtureComparisons.Claims(ClaimTargets, protocol, comparisons),
            ClaimRules =
            [
                "Per step: A step is unverified when its comparison row is not publishable.",
                "Per step: Otherwise a step follows the throughput verdict: candidate faster → supported.",
                "Overall: A claim is unverified if any step is unverified.",
                "Overall: Supported if supported at more than half of the steps and refuted at none.",
            ],
            StatisticsMethod =
            [
                "Ratio intervals: percentile bootstrap of the ratio of medians, 10000 resamples, seed 20260301.",
                "Quartiles: Hyndman–Fan type 7.",
            ],
            Notes = ["Synthetic fixture for the reporting tests: the numbers are made up but shaped like a real run."],
            Artifacts = [.. RawFiles(cells).Select(f => new ArtifactEntry(f.Key, Encoding.UTF8.GetByteCount(f.Value), Sha(f.Value)))],
        };
    }

    /// <summary>The raw files the report refers to, with deterministic content, for tests that need them on disk.</summary>
    public static IReadOnlyDictionary<string, string> RawFiles(IEnumerable<SideReport> cells)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["parity/parity_report.json"] = "{\n  \"status\": \"passed\"\n}\n",
            ["protocol/resolved_protocol.json"] = "{\n  \"name\": \"faceoff_default_campaign\"\n}\n",
        };
        foreach (var cell in cells)
        {
            files[cell.ServerLogPath!] = $"server log of {cell.Key}\n";
            foreach (var repeat in cell.Repeats)
            {
                files[repeat.LoadResultPath!] = $"{{\"cell\": \"{cell.Key}\", \"repeat\": {repeat.Repeat}, \"rps\": {repeat.Measurement.ThroughputRps}}}\n";
                files[repeat.HistogramLogPath!] = $"#[Histogram log of {cell.Key} repeat {repeat.Repeat}]\n";
            }
        }

        return files;
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static ProtocolSnapshot Protocol()
    {
        PairSnapshot Pair(string name, string candidate, string reference) => new(
            name, candidate, "ASP.NET Core (minimal API, Kestrel)", reference, "FastAPI (uvicorn, 1 worker, uvloop + httptools)",
            Ladder, [.. Shapes.Where(s => s.Pair == name).Select(s => s.Scenario)]);
        return new ProtocolSnapshot(
            "faceoff_default_campaign",
            "Bundled ASP.NET Core reference app (candidate) against the FastAPI reference app (reference).",
            "/work/main/protocols/default.json",
            2,
            "127.0.0.1",
            [1, 4, 8, 16, 32],
            [Pair("comparison_http", "comparison_http", "fastapi_comparison_http"), Pair("middleware_heavy", "middleware_heavy", "fastapi_middleware_heavy")],
            [
                new("api_echo", "JSON transform endpoint with a moderate path payload", "GET", "/api/echo/benchmark_payload_aaaa"),
                new("api_status", "Minimal JSON status endpoint", "GET", "/api/status"),
                new("api_status_middleware", "JSON status endpoint behind the middleware-heavy stack", "GET", "/api/status"),
                new("healthz", "Plain-text liveness endpoint", "GET", "/healthz"),
                new("root", "Small HTML page | with a bar", "GET", "/"),
            ],
            [.. ClaimTargets.Select(c => new ClaimTargetSnapshot(c.Id, c.Pair, c.Scenario))],
            new WarmupSnapshot(new PassSnapshot(null, 1, 1), new StabilitySnapshot(3, 0.05, 25)),
            new PassSnapshot(null, FixtureCells.PassSeconds, FixtureCells.Repeats),
            MaxCvRatio,
            0.95,
            EquivalenceBand,
            [
                new("concurrency_ladder", "1,4,8", "command_line", "--ladder"),
                new("measured.repeats", "3", "environment", "FACEOFF_MEASURED_REPEATS"),
            ]);
    }

    private static ParitySummary Parity()
    {
        var rows = new List<ParityCheckRow>();
        foreach (var profile in new[] { "comparison_http", "fastapi_comparison_http", "middleware_heavy", "fastapi_middleware_heavy" })
        {
            foreach (var shape in Shapes.Where(s => profile.EndsWith(s.Pair, StringComparison.Ordinal)))
            {
                rows.Add(new ParityCheckRow("C01-C03", profile, shape.Scenario, ParityStatus.Passed, "status, media type and body match the contract"));
            }

            rows.Add(new ParityCheckRow("C04", profile, "healthz", ParityStatus.Passed, "2 requests on one socket"));
            rows.Add(new ParityCheckRow("C05", profile, null, ParityStatus.Passed, "503 under overload within 0.5 s; 200 again after 0.31 s"));
        }

        return new ParitySummary(ParityStatus.Passed, rows, "parity/parity_report.json");
    }
}
