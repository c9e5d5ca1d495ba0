using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Faceoff.Statistics;
using Faceoff.Statistics.Regression;

namespace Faceoff.Cli.Compare;

/// <summary>
/// The machine-readable result of <c>faceoff compare --json</c>, for CI steps that annotate pull requests.
/// snake_case like the campaign report, so the two read alike.
/// </summary>
internal sealed record CompareDocument(
    int SchemaVersion,
    bool Passed,
    string Summary,
    CompareSide Baseline,
    CompareSide Current,
    ComparePolicy Policy,
    double ConfidenceLevel,
    double EquivalenceBand,
    IReadOnlyList<CompareCell> Cells,
    IReadOnlyList<string> Failures);

internal sealed record CompareSide(string Path, string RunId);

/// <param name="Source">The policy file, or "seed_default" when none was given.</param>
internal sealed record ComparePolicy(
    string Source,
    double LatencyRegressionRatio,
    double ThroughputFloorRatio,
    long MemoryGrowthKbMax,
    double MemoryGrowthRatio);

/// <param name="GateStatus">The regression gate's own status (pass, within_noise, insufficient_data...).</param>
internal sealed record CompareCell(
    string Profile,
    string Scenario,
    int Concurrency,
    string Verdict,
    string GateStatus,
    string Reasons,
    string Explanation,
    CompareCheck? Throughput,
    CompareCheck? LatencyP95,
    CompareCheck? Memory,
    double? MemoryGrowthKib);

/// <summary>A current ÷ baseline ratio with its interval; the bounds are null when there was too little data for one.</summary>
internal sealed record CompareCheck(string Status, double? Ratio, double? Lower, double? Upper, double Threshold, string Explanation);

internal static class CompareJson
{
    public const int SchemaVersion = 1;

    private static readonly CompareJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static CompareDocument Document(
        CompareSide baseline,
        CompareSide current,
        RegressionPolicy policy,
        string? policySource,
        StatisticsSettings settings,
        GateReport report,
        IReadOnlyList<CompareRow> rows,
        string summary) => new(
            SchemaVersion,
            report.Passed,
            summary,
            baseline,
            current,
            new ComparePolicy(
                policySource ?? "seed_default",
                policy.LatencyRegressionRatio,
                policy.ThroughputFloorRatio,
                policy.MemoryGrowthKbMax,
                policy.MemoryGrowthRatio),
            settings.ConfidenceLevel,
            settings.EquivalenceBand,
            [.. rows.Select(Cell)],
            report.Failures);

    public static string Serialize(CompareDocument document) => JsonSerializer.Serialize(document, Context.CompareDocument) + "\n";

    private static CompareCell Cell(CompareRow row)
    {
        var gate = row.Gate;
        return new CompareCell(
            gate.Key.Profile,
            gate.Key.Scenario,
            gate.Key.Concurrency,
            row.VerdictText,
            JsonNamingPolicy.SnakeCaseLower.ConvertName(gate.Status.ToString()),
            row.Reasons,
            gate.Explanation,
            Check(gate.Throughput),
            Check(gate.LatencyP95),
            Check(gate.Memory),
            gate.MemoryGrowthKib);
    }

    private static CompareCheck? Check(GateCheck? check) => check is null
        ? null
        : new CompareCheck(
            JsonNamingPolicy.SnakeCaseLower.ConvertName(check.Status.ToString()),
            check.Ratio?.Point,
            check.Ratio?.Lower,
            check.Ratio?.Upper,
            check.Threshold,
            check.Explanation);
}

[JsonSerializable(typeof(CompareDocument))]
internal sealed partial class CompareJsonContext : JsonSerializerContext;
