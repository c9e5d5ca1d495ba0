using System.Globalization;
using System.Text.Json;
using Faceoff.Testing;

namespace Faceoff.Cli.Tests;

/// <summary>
/// A pack written by the previous Faceoff (report schema 1, kept in Fixtures/v1-pack exactly as that version wrote
/// it) must stay readable: <c>faceoff report</c> re-renders it and <c>faceoff compare</c> gates against it.
/// </summary>
[Collection(CompareConsoleGroup.Name)]
public sealed class PreviousVersionPackTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(TestRepository.Root, "tests", "Faceoff.Cli.Tests", "Fixtures", "v1-pack");
    private readonly string _dir = Directory.CreateTempSubdirectory("faceoff-v1-pack-").FullName;

    [Fact]
    public async Task Report_re_renders_a_schema_1_pack_with_its_numbers()
    {
        var v1 = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Fixture, "phased_campaign_report.json"))).RootElement;
        Assert.Equal(1, v1.GetProperty("schema_version").GetInt32());

        var (code, output, _) = await Run("report", Fixture, "--out", _dir);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("re-rendered from an earlier report schema", output, StringComparison.Ordinal);
        var csv = (await File.ReadAllLinesAsync(Path.Combine(_dir, "phased_comparison.csv"))).Skip(1).ToList();
        var comparisons = v1.GetProperty("comparisons").EnumerateArray().ToList();
        Assert.Equal(comparisons.Count, csv.Count);
        foreach (var row in comparisons)
        {
            // The schema-1 ratio (ratio, ci_low, ci_high) must come through the migration as the same numbers.
            var ratio = row.GetProperty("throughput_ratio");
            var expected = string.Join(",", new[] { "ratio", "ci_low", "ci_high" }.Select(name => ratio.GetProperty(name).GetDouble().ToString("F4", CultureInfo.InvariantCulture)));
            Assert.Contains(csv, line => line.StartsWith($"{row.GetProperty("pair").GetString()},{row.GetProperty("scenario").GetString()},", StringComparison.Ordinal)
                && line.Contains(expected, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Compare_gates_a_schema_1_baseline_against_itself_and_passes()
    {
        var report = Path.Combine(Fixture, "phased_campaign_report.json");

        var (code, output, error) = await Run("compare", report, report);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("PASS", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<(int Code, string Output, string Error)> Run(params string[] args) => ConsoleRun.RunAsync(args);
}
