using System.Text.Json;
using Faceoff.Statistics.Claims;
using Faceoff.Statistics.Regression;

namespace Faceoff.Statistics.Tests;

/// <summary>A report regenerated from the same stored measurements must be byte-identical.</summary>
public sealed class DeterminismTests
{
    private static (SideMeasurements Candidate, SideMeasurements Reference) Cells()
    {
        var random = new Random(77);
        var reference = new Shape(Noise: 0.05);
        return (Synthetic.Cell(random, "aspnet", reference.Scaled(1.07, 0.95)), Synthetic.Cell(random, "fastapi", reference));
    }

    [Fact]
    public void Same_input_twice_gives_identical_rows_claims_and_gate_reports()
    {
        var (candidate, reference) = Cells();
        var (candidateAgain, referenceAgain) = Cells();
        // Stored JSON round trip: the regenerated report reads measurements back from disk.
        var restored = JsonSerializer.Deserialize<SideMeasurements>(JsonSerializer.Serialize(candidateAgain))!;

        var first = ComparisonCalculator.Compare("comparison_http", candidate, reference, true, StatisticsSettings.Default);
        var unrelated = ComparisonCalculator.Compare("comparison_http", reference, candidate, true, StatisticsSettings.Default);
        var second = ComparisonCalculator.Compare("comparison_http", restored, referenceAgain, true, StatisticsSettings.Default);

        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(second));
        Assert.NotEqual(JsonSerializer.Serialize(first), JsonSerializer.Serialize(unrelated));
        var target = new ClaimTarget("C02", "comparison_http", "api_status");
        Assert.Equal(
            JsonSerializer.Serialize(ClaimRules.Evaluate(target, [8], [first])),
            JsonSerializer.Serialize(ClaimRules.Evaluate(target, [8], [second])));
        Assert.Equal(
            JsonSerializer.Serialize(RegressionGate.Evaluate([reference], [candidate], RegressionPolicy.ArlenDefault, StatisticsSettings.Default)),
            JsonSerializer.Serialize(RegressionGate.Evaluate([referenceAgain], [restored], RegressionPolicy.ArlenDefault, StatisticsSettings.Default)));
    }
}
