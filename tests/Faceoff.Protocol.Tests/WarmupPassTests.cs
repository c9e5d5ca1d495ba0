using Faceoff.Protocol.Model;
using Faceoff.Protocol.Summary;

namespace Faceoff.Protocol.Tests;

/// <summary>
/// <c>warmup.until_stable.pass_seconds</c>: the length of one warmup pass, so a launch can be warmed in
/// shorter samples than the one-second passes every protocol used before the field existed.
/// </summary>
public sealed class WarmupPassTests
{
    [Fact]
    public void Pass_seconds_and_a_fractional_window_are_read()
    {
        var protocol = Load("{ \"pass_seconds\": 0.5, \"window_seconds\": 1.5, \"max_seconds\": 10 }");

        var rule = protocol.Warmup.UntilStable!;
        Assert.Equal(0.5, rule.PassSeconds);
        Assert.Equal(1.5, rule.WindowSeconds);
        Assert.Equal(3, rule.WindowPasses);
    }

    [Fact]
    public void Left_out_pass_seconds_keep_one_second_passes_and_say_so()
    {
        var protocol = Load("{ \"window_seconds\": 2 }");

        Assert.Equal(1, protocol.Warmup.UntilStable!.PassSeconds);
        Assert.Equal(2, protocol.Warmup.UntilStable.WindowPasses);
        Assert.Contains(new SettingOrigin("warmup.until_stable.pass_seconds", "1", SettingSource.Default, null), protocol.Overrides);
    }

    [Theory]
    [InlineData("{ \"pass_seconds\": 0.5, \"window_seconds\": 0.9 }", "4:97: $.warmup.until_stable.window_seconds: window_seconds must hold at least two warmup passes of 0.5 s (pass_seconds), got 0.9 s")]
    [InlineData("{ \"pass_seconds\": 0.05 }", "4:74: $.warmup.until_stable.pass_seconds: expected a number of seconds 0.1-60, got 0.05")]
    [InlineData("{ \"window_seconds\": 0 }", "4:76: $.warmup.until_stable.window_seconds: expected a number of seconds above 0, at most 3600, got 0")]
    public void A_window_or_pass_that_cannot_be_judged_is_a_located_error(string rule, string expected)
    {
        var errors = MiniProtocol.Errors(MiniProtocol.WithField($"\"warmup\": {{ \"duration_seconds\": 0.1, \"until_stable\": {rule} }},"));

        Assert.Equal([expected], errors);
    }

    [Fact]
    public void The_summary_names_the_pass_length()
    {
        var plan = new WarmupPlan(new PassPlan(null, 1, 1), new StabilityRule(1, 0.05, 10, 0.5));

        Assert.Equal("1 s × 1, then until stable (CV ≤ 0.05 over 1 s of 0.5 s passes, at most 10 s)", ProtocolSummary.Describe(plan));
    }

    private static CampaignProtocol Load(string rule)
    {
        var result = TestFiles.LoadText(MiniProtocol.WithField($"\"warmup\": {{ \"duration_seconds\": 0.1, \"until_stable\": {rule} }},"));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Protocol!;
    }
}
