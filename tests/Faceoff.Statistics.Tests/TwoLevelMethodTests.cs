namespace Faceoff.Statistics.Tests;

public sealed class TwoLevelMethodTests
{
    [Fact]
    public void The_method_text_follows_the_settings_it_describes()
    {
        var settings = StatisticsSettings.Default with { ConfidenceLevel = 0.9, TargetHalfWidth = 0.03, LaunchCostInRepeats = 2.5 };

        var text = string.Join("\n", TwoLevelMethod.Describe(settings));

        Assert.Contains("90% interval is built from launch means", text, StringComparison.Ordinal);
        Assert.Contains("launch cost 2.5 repeats", text, StringComparison.Ordinal);
        Assert.Contains("±3%", text, StringComparison.Ordinal);
        Assert.Contains("at 10%", text, StringComparison.Ordinal);
        Assert.Contains("cannot cover launch-to-launch variance", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_launch_settings_are_reported()
    {
        var findings = (StatisticsSettings.Default with { TargetHalfWidth = 0, LaunchCostInRepeats = -1 }).Validate();

        Assert.Contains(findings, f => f.Contains("target half-width", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("launch cost", StringComparison.Ordinal));
    }
}
