namespace Faceoff.Statistics.Tests;

public sealed class StatisticsMethodTests
{
    [Fact]
    public void Method_text_states_the_configured_values()
    {
        var settings = StatisticsSettings.Default with { ConfidenceLevel = 0.9, EquivalenceBand = 0.03, MaxCv = 0.25, MinRepeats = 4 };

        var text = string.Join("\n", StatisticsMethod.Describe(settings));

        Assert.Contains("(at least 90%)", text);
        Assert.Contains("[0.97, 1.03] (±3%)", text);
        Assert.Contains("exceeds 0.25", text);
        Assert.Contains("Fewer than 4 repeats", text);
        Assert.Contains("latency_advantage_pct = (reference median p50 ÷ candidate median p50 − 1) × 100", text);
    }
}
