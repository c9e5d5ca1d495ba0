using System.Collections.Immutable;
using Faceoff.Protocol.Model;
using Faceoff.Reporting.Model;
using Faceoff.Statistics;

namespace Faceoff.Cli.Tests.Compare;

/// <summary>One cell of a synthetic run: median throughput and p95, and how far the repeats spread around them.</summary>
/// <param name="Noise">Repeats are the median × (1 − noise), × 1 and × (1 + noise), so 0.4 is a ±40% spread.</param>
internal sealed record CellSpec(string Profile, string Scenario, int Concurrency, double Rps, double P95Us, double Noise = 0.01)
{
    public string Pair { get; init; } = "comparison_http";

    public long RssKib { get; init; } = 60_000;

    public string? Failure { get; init; }

    public int Repeats { get; init; } = 3;

    /// <summary>Reference for the FastAPI profiles unless set: an A/A pair runs one profile in both roles.</summary>
    public Side? Role { get; init; }
}

/// <summary>Small synthetic campaign reports for the compare verb, written the way the runner writes them.</summary>
internal static class CompareReports
{
    public static CellSpec[] Typical() =>
    [
        new("comparison_http", "healthz", 8, 21_000, 900),
        new("comparison_http", "api_status", 8, 15_000, 1_300),
        new("fastapi_comparison_http", "api_status", 8, 6_000, 3_100),
    ];

    public static CampaignReport Build(string runId, IEnumerable<CellSpec> cells) => new()
    {
        RunId = runId,
        StartedUtc = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero),
        FinishedUtc = new DateTimeOffset(2026, 3, 1, 9, 5, 0, TimeSpan.Zero),
        Status = RunStatus.Complete,
        Protocol = Protocol(),
        Machine = new MachineInfo("test cpu", 2, 8_000_000, "6.1.0", "Debian GNU/Linux 12", "x64"),
        Environment = new EnvironmentFlags(SkipBuild: false, SkipParity: false, Pinning: null, QuickMode: false),
        Parity = new ParitySummary(ParityStatus.Passed, [], null),
        Sides = [.. cells.Select(Cell)],
    };

    /// <summary>Writes the report as <c>ReportJson</c> does and returns the file's path.</summary>
    public static string Write(string directory, string name, CampaignReport report)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, ReportJson.Serialize(report));
        return path;
    }

    private static SideReport Cell(CellSpec spec)
    {
        var factors = new[] { 1 - spec.Noise, 1.0, 1 + spec.Noise };
        var repeats = Enumerable.Range(0, spec.Repeats)
            .Select(i => Repeat(spec, i + 1, spec.Rps * factors[i % 3], spec.P95Us / factors[i % 3], spec.RssKib))
            .ToArray();
        return new SideReport(
            spec.Pair,
            spec.Profile,
            RoleOf(spec),
            spec.Scenario,
            spec.Concurrency,
            spec.Failure is null ? CellStatus.Completed : CellStatus.Failed,
            spec.Failure is null ? null : new CellFailure(spec.Failure, null, "SIGKILL", ["killed"]),
            new WarmupResult(2, 1, null, null),
            repeats,
            // The gate recomputes everything from the passes; the stored statistics are for the pack's readers.
            new SideStatistics(new SideKey(spec.Profile, spec.Scenario, spec.Concurrency), repeats.Length, null, null,
                new PassStability([], null, null), null, null, 0, 0, 0, 0, false, spec.Failure, []),
            null);
    }

    private static Side RoleOf(CellSpec spec) =>
        spec.Role ?? (spec.Profile.StartsWith("fastapi", StringComparison.Ordinal) ? Side.Reference : Side.Candidate);

    private static PassRecord Repeat(CellSpec spec, int repeat, double rps, double p95, long rss)
    {
        var requests = (long)(rps * 5);
        var measurement = new PassMeasurement(
            requests,
            0,
            5,
            rps,
            rps * 150,
            new LatencyStats(p95 / 2, p95 / 5, p95 / 2.2, p95 / 1.8, p95 / 1.3, p95, p95 * 1.5, p95 * 2, p95 * 3, p95 * 4),
            [.. Enumerable.Repeat((long)rps, 5)],
            [0, 0, 0, 0, 0],
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("200", requests)]),
            ImmutableSortedDictionary<string, long>.Empty,
            10,
            0,
            [],
            new ServerResources(1.5, rss - 5_000, rss - 1_000, rss));
        var role = RoleOf(spec);
        return new PassRecord(2 * repeat - (role == Side.Candidate ? 1 : 0), PassKind.Measured, role, spec.Profile, repeat,
            new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), measurement, null, null);
    }

    private static ProtocolSnapshot Protocol() => new(
        "compare_tests",
        null,
        "protocols/default.json",
        2,
        "127.0.0.1",
        [8],
        [new PairSnapshot("comparison_http", "comparison_http", "aspnet", "fastapi_comparison_http", "fastapi", [8], ["healthz", "api_status"])],
        [new("healthz", null, "GET", "/healthz"), new("api_status", null, "GET", "/api/status")],
        [],
        new WarmupSnapshot(new PassSnapshot(null, 2, 1), null),
        new PassSnapshot(null, 5, 3),
        0.4,
        0.95,
        0.05,
        []);
}
