using Faceoff.Campaign.Tests.Fakes;
using Faceoff.Protocol.Model;

namespace Faceoff.Campaign.Tests;

public sealed class QuickModeTests
{
    [Fact]
    public void Quick_mode_shrinks_the_campaign_and_records_each_change_as_an_override()
    {
        var protocol = TestProtocols.Build(ladder: [1, 4, 8, 16, 32], measuredRepeats: 3, untilStable: new(3, 0.05, 25));
        protocol = protocol with { Pairs = [protocol.Pairs[0] with { ConcurrencyLadder = [1, 4] }] };

        var quick = QuickMode.Apply(protocol);

        Assert.Equal([1, 8], quick.LadderFor(quick.Pairs[0]).ToArray());
        Assert.Equal(QuickMode.ScenarioWarmup, quick.Warmup.UntilStable);
        Assert.Equal(new PassPlan(null, 0.5, 3), quick.Measured);
        Assert.All(quick.Overrides, o => Assert.Equal(QuickMode.Origin, o.Origin));
        Assert.Contains(quick.Overrides, o => o.Setting == "warmup.until_stable");
    }

    [Fact]
    public void Quick_mode_keeps_what_the_user_set_explicitly()
    {
        var protocol = TestProtocols.Build(measuredRepeats: 5) with
        {
            Overrides = [new SettingOrigin("measured.repeats", "5", SettingSource.CommandLine, "--measured-repeats")],
        };

        var quick = QuickMode.Apply(protocol);

        Assert.Equal(5, quick.Measured.Repeats);
        Assert.Equal(0.5, quick.Measured.DurationSeconds);
        Assert.DoesNotContain(quick.Overrides, o => o.Setting == "measured.repeats" && o.Origin == QuickMode.Origin);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 3)]
    public void Quick_mode_runs_one_launch_unless_the_user_asked_for_more(bool explicitly, int expected)
    {
        var protocol = TestProtocols.Build(measuredRepeats: 2, measuredLaunches: 3);
        if (explicitly)
        {
            protocol = protocol with { Overrides = [new SettingOrigin("measured.launches", "3", SettingSource.Environment, "FACEOFF_MEASURED_LAUNCHES")] };
        }

        var quick = QuickMode.Apply(protocol);

        Assert.Equal(expected, quick.Measured.Launches);
        Assert.Equal(!explicitly, quick.Overrides.Contains(new SettingOrigin("measured.launches", "1", SettingSource.CommandLine, QuickMode.Origin)));
    }

    [Fact]
    public void An_aa_campaign_inherits_the_protocols_launches()
    {
        var protocol = TestProtocols.Build(measuredRepeats: 2, measuredLaunches: 3);

        var aa = AaProtocol.From(protocol, "cand1").Protocol!;

        Assert.Equal(protocol.Measured, aa.Measured);
        Assert.Equal(3, aa.Measured.Launches);
    }
}
