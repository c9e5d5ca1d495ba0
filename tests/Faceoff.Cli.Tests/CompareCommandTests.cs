using System.Text.Json;
using System.Text.RegularExpressions;
using Faceoff.Cli.Tests.Compare;
using Faceoff.Reporting.Model;

namespace Faceoff.Cli.Tests;

/// <summary>Tests that swap <see cref="Console.Out"/> must not overlap with anything else writing to it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CompareConsoleGroup
{
    public const string Name = "compare: captured console";
}

[Collection(CompareConsoleGroup.Name)]
public sealed partial class CompareCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("faceoff-compare-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Identical_runs_pass_with_every_cell_ok_and_say_the_seed_policy_is_used()
    {
        var baseline = Write("baseline.json", CompareReports.Typical());
        var current = Write("current.json", CompareReports.Typical());

        var (code, output, error) = await Run("compare", baseline, current);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Policy: the seed's default policy (no --policy given): latency_regression_ratio 1.15, throughput_floor_ratio 0.75", output, StringComparison.Ordinal);
        Assert.Equal("comparison_http | healthz | 8 | 1.000 [0.978, 1.023] | 1.000 [0.978, 1.023] | 0 KiB | ok | within policy", Row(output, "comparison_http", "healthz"));
        Assert.EndsWith(" | ok | within policy", Row(output, "comparison_http", "api_status"), StringComparison.Ordinal);
        Assert.EndsWith(" | ok | within policy", Row(output, "fastapi_comparison_http", "api_status"), StringComparison.Ordinal);
        Assert.EndsWith("faceoff compare: PASS: 3 cells: 3 ok.", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_30_percent_drop_with_low_noise_is_a_regression_naming_the_cell()
    {
        var baseline = Write("baseline.json", CompareReports.Typical());
        var current = Write("current.json", CompareReports.Typical().Select(c => (c.Profile, c.Scenario) switch
        {
            ("comparison_http", "api_status") => c with { Rps = c.Rps * 0.7, P95Us = c.P95Us / 0.7 },
            ("fastapi_comparison_http", _) => c with { RssKib = c.RssKib + 40_000 },
            _ => c,
        }));

        var (code, output, _) = await Run("compare", baseline, current);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal(
            "comparison_http | api_status | 8 | 0.700 [0.684, 0.716] | 1.429 [1.397, 1.461] | 0 KiB | regression | throughput below floor 0.75; p95 above limit 1.15",
            Row(output, "comparison_http", "api_status"));
        Assert.Equal(
            "fastapi_comparison_http | api_status | 8 | 1.000 [0.978, 1.023] | 1.000 [0.978, 1.023] | +40,000 KiB | regression | peak RSS +40,000 KiB past allowance",
            Row(output, "fastapi_comparison_http", "api_status"));
        Assert.Equal("comparison_http | healthz | 8 | 1.000 [0.978, 1.023] | 1.000 [0.978, 1.023] | 0 KiB | ok | within policy", Row(output, "comparison_http", "healthz"));
        Assert.EndsWith("faceoff compare: FAIL: 3 cells: 2 regression, 1 ok.", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_drop_buried_in_40_percent_noise_is_inconclusive_and_passes()
    {
        var noisy = CompareReports.Typical().Select(c => c with { Noise = 0.4 }).ToArray();
        var baseline = Write("baseline.json", noisy);
        var current = Write("current.json", noisy.Select(c => c with { Rps = c.Rps * 0.7, P95Us = c.P95Us / 0.7 }));

        var (code, output, _) = await Run("compare", baseline, current);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(
            "comparison_http | api_status | 8 | 0.700 [0.266, 1.841] | 1.429 [0.543, 3.758] | 0 KiB | inconclusive | "
            + "throughput below floor 0.75, but the CI crosses it (noise); p95 above limit 1.15, but the CI crosses it (noise)",
            Row(output, "comparison_http", "api_status"));
        Assert.EndsWith("faceoff compare: PASS: 3 cells: 3 inconclusive.", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clear_gain_is_an_improvement_and_a_missing_or_crashed_cell_fails_the_gate()
    {
        var baseline = Write("baseline.json", CompareReports.Typical());
        var current = Write("current.json",
        [
            new("comparison_http", "healthz", 8, 21_000 * 1.3, 900 / 1.3),
            new("comparison_http", "api_status", 8, 0, 0) { Failure = "server exited with signal SIGKILL", Repeats = 0 },
            new("comparison_http", "root", 8, 9_000, 1_500),
        ]);

        var (code, output, _) = await Run("compare", baseline, current);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal(
            "comparison_http | healthz | 8 | 1.300 [1.271, 1.330] | 0.769 [0.752, 0.787] | 0 KiB | improvement | throughput +30%, p95 -23.1% (CI beyond ±5%)",
            Row(output, "comparison_http", "healthz"));
        Assert.Equal(
            "comparison_http | api_status | 8 | - | - | - | failed | current cell failed: server exited with signal SIGKILL",
            Row(output, "comparison_http", "api_status"));
        Assert.Equal("comparison_http | root | 8 | - | - | - | new | not in the baseline", Row(output, "comparison_http", "root"));
        Assert.Equal(
            "fastapi_comparison_http | api_status | 8 | - | - | - | missing | measured in the baseline, missing in the current run",
            Row(output, "fastapi_comparison_http", "api_status"));
        Assert.EndsWith("faceoff compare: FAIL: 4 cells: 1 failed, 1 missing, 1 new, 1 improvement.", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aa_runs_compare_each_side_of_the_self_pair_on_its_own()
    {
        // Both sides of an A/A pair are one profile; keyed by profile alone they would collide or be refused.
        static CellSpec[] Aa(double referenceRps) =>
        [
            new("comparison_http", "healthz", 8, 21_000, 900) { Pair = "aa_comparison_http", Role = Side.Candidate },
            new("comparison_http", "healthz", 8, referenceRps, 900) { Pair = "aa_comparison_http", Role = Side.Reference },
        ];
        var baseline = Write("baseline.json", Aa(21_000));
        var current = Write("current.json", Aa(21_000 * 0.7));

        var (code, output, error) = await Run("compare", baseline, current);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal(string.Empty, error);
        Assert.EndsWith(" | ok | within policy", Row(output, "comparison_http (candidate)", "healthz"), StringComparison.Ordinal);
        Assert.StartsWith("comparison_http (reference) | healthz | 8 | 0.700 [", Row(output, "comparison_http (reference)", "healthz"), StringComparison.Ordinal);
        Assert.EndsWith("faceoff compare: FAIL: 2 cells: 1 regression, 1 ok.", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_holding_one_cell_twice_is_refused_naming_the_cell()
    {
        var typical = CompareReports.Typical();
        var baseline = Write("baseline.json", typical);
        var current = Write("current.json", [.. typical, typical[0]]);

        var (code, _, error) = await Run("compare", baseline, current);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"{current}: $.sides: side comparison_http/candidate.comparison_http/healthz/c8 appears more than once", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_carries_every_cell_with_its_interval_and_the_policy_file()
    {
        var baseline = Write("baseline.json", CompareReports.Typical());
        var current = Write("current.json", CompareReports.Typical().Select(c => c.Profile.StartsWith("fastapi", StringComparison.Ordinal) ? c with { Rps = c.Rps * 0.5 } : c));
        var policy = Path.Combine(_dir, "policy.json");
        await File.WriteAllTextAsync(policy, """{ "latency_regression_ratio": 1.35, "throughput_floor_ratio": 0.55, "memory_growth_kb_max": 32768, "memory_growth_ratio": 2.0 }""");
        var json = Path.Combine(_dir, "out", "compare.json");

        var (code, output, _) = await Run("compare", baseline, current, "--policy", policy, "--json", json);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains($"Policy: {policy}: latency_regression_ratio 1.35, throughput_floor_ratio 0.55", output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = document.RootElement;
        Assert.False(root.GetProperty("passed").GetBoolean());
        Assert.Equal(policy, root.GetProperty("policy").GetProperty("source").GetString());
        Assert.Equal("run-b", root.GetProperty("current").GetProperty("run_id").GetString());
        var failing = Assert.Single(root.GetProperty("cells").EnumerateArray(), c => c.GetProperty("verdict").GetString() == "regression");
        Assert.Equal("fastapi_comparison_http", failing.GetProperty("profile").GetString());
        var throughput = failing.GetProperty("throughput");
        Assert.Equal("regression", throughput.GetProperty("status").GetString());
        Assert.Equal(0.5, throughput.GetProperty("ratio").GetDouble(), 6);
        Assert.True(throughput.GetProperty("upper").GetDouble() < 0.55);
        Assert.Single(root.GetProperty("failures").EnumerateArray());
    }

    [Fact]
    public async Task Bad_policy_file_exits_2_with_the_located_error()
    {
        var baseline = Write("baseline.json", CompareReports.Typical());
        var policy = Path.Combine(_dir, "policy.json");
        await File.WriteAllTextAsync(policy, "{\n  \"latency_regression_ratio\": \"fast\",\n  \"throughput_floor_ratio\": 0.75,\n  \"memory_growth_kb_max\": 16384,\n  \"memory_growth_ratio\": 1.5\n}\n");

        var (code, output, error) = await Run("compare", baseline, baseline, "--policy", policy);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"{policy}:2:31: $.latency_regression_ratio: expected a number, found a string\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_report_exits_2_naming_the_file()
    {
        var baseline = Write("baseline.json", CompareReports.Typical());
        var missing = Path.Combine(_dir, "nope", "phased_campaign_report.json");

        var (code, output, error) = await Run("compare", baseline, missing);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"{missing}: no such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_and_a_newer_schema_are_located_by_line_and_column()
    {
        var broken = Path.Combine(_dir, "broken.json");
        await File.WriteAllTextAsync(broken, "{\n  \"schema_version\": 1,\n  \"run_id\": oops\n}\n");
        var newer = Path.Combine(_dir, "newer.json");
        var text = ReportJson.Serialize(CompareReports.Build("run-z", CompareReports.Typical()));
        await File.WriteAllTextAsync(newer, text.Replace("\"schema_version\": 2,", "\"schema_version\": 3,", StringComparison.Ordinal));

        var (code, _, error) = await Run("compare", broken, newer);

        Assert.Equal(ExitCodes.Usage, code);
        var lines = Lines(error);
        Assert.StartsWith($"{broken}:3:13: $.run_id: 'o' is an invalid start of a value", lines[0], StringComparison.Ordinal);
        Assert.Equal($"{newer}:2:21: $.schema_version: report schema version 3 is not supported (this Faceoff reads versions 1 and 2)", lines[1]);
    }

    [Fact]
    public async Task A_run_directory_is_accepted_in_place_of_its_report_file()
    {
        var runs = Directory.CreateDirectory(Path.Combine(_dir, "runs", "a")).FullName;
        Write(Path.Combine("runs", "a", "phased_campaign_report.json"), CompareReports.Typical());

        var (code, output, _) = await Run("compare", runs, runs);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("PASS: 3 cells: 3 ok.", output, StringComparison.Ordinal);
    }

    private string Write(string name, IEnumerable<CellSpec> cells) =>
        CompareReports.Write(_dir, name, CompareReports.Build(name.StartsWith("current", StringComparison.Ordinal) ? "run-b" : "run-a", cells));

    private static string[] Lines(string text) => text.Split('\n');

    /// <summary>The plain table row of a cell with its column gaps shown as " | ", so assertions do not depend on padding.</summary>
    private static string Row(string output, string profile, string scenario) =>
        Assert.Single(
            Lines(output).Select(line => ColumnGap().Replace(line.Trim(), " | ")),
            line => line.StartsWith($"{profile} | {scenario} | ", StringComparison.Ordinal));

    [GeneratedRegex(" {2,}")]
    private static partial Regex ColumnGap();

    private static Task<(int Code, string Output, string Error)> Run(params string[] args) => ConsoleRun.RunAsync(args);
}
