using Faceoff.Protocol.Model;
using Faceoff.Protocol.Overrides;
using Faceoff.Protocol.Summary;

namespace Faceoff.Protocol.Tests;

/// <summary><c>measured.launches</c>: read, validated with its location, overridden with its origin recorded, estimated.</summary>
public sealed class LaunchesTests
{
    [Fact]
    public void Launches_are_read_from_the_measured_section()
    {
        var protocol = TestFiles.LoadText(MiniProtocol.WithField("\"measured\": { \"duration_seconds\": 1, \"repeats\": 2, \"launches\": 4 },")).Protocol!;

        Assert.Equal(new PassPlan(null, 1, 2, 4), protocol.Measured);
        Assert.Equal(8, protocol.Measured.TotalRepeats);
        Assert.DoesNotContain(protocol.Overrides, origin => origin.Setting == "measured.launches");
    }

    [Fact]
    public void Left_out_launches_default_to_one_and_say_so()
    {
        var protocol = TestFiles.LoadText(MiniProtocol.WithField("\"measured\": { \"duration_seconds\": 1, \"repeats\": 3 },")).Protocol!;

        Assert.Equal(1, protocol.Measured.Launches);
        Assert.Contains(new SettingOrigin("measured.launches", "1", SettingSource.Default, null), protocol.Overrides);
    }

    [Theory]
    [InlineData("0", "4:52: $.measured.launches: expected an integer 1-100, got 0")]
    [InlineData("101", "4:52: $.measured.launches: expected an integer 1-100, got 101")]
    [InlineData("\"2\"", "4:52: $.measured.launches: expected an integer 1-100, got \"2\"")]
    public void Bad_launches_are_located_errors(string value, string expected)
    {
        var errors = MiniProtocol.Errors(MiniProtocol.WithField($"\"measured\": {{ \"duration_seconds\": 1, \"launches\": {value} }},"));

        Assert.Equal([expected], errors);
    }

    [Fact]
    public void Warmup_has_no_launches_of_its_own()
    {
        var error = Assert.Single(MiniProtocol.Errors(MiniProtocol.WithField("\"warmup\": { \"duration_seconds\": 1, \"launches\": 2 },")));

        Assert.Contains("$.warmup.launches: unknown field \"launches\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_line_beats_environment_beats_file_and_the_origin_is_recorded()
    {
        var environment = new Dictionary<string, string> { ["FACEOFF_MEASURED_LAUNCHES"] = "4" };

        var fromEnvironment = TestFiles.Load(TestFiles.DefaultProtocol, new OverrideInputs(environment, new Dictionary<Knob, string>())).Protocol!;
        var fromCommandLine = TestFiles.Load(TestFiles.DefaultProtocol,
            new OverrideInputs(environment, new Dictionary<Knob, string> { [Knobs.MeasuredLaunches] = "5" })).Protocol!;

        Assert.Equal(4, fromEnvironment.Measured.Launches);
        Assert.Equal(new SettingOrigin("measured.launches", "4", SettingSource.Environment, "FACEOFF_MEASURED_LAUNCHES"), Assert.Single(fromEnvironment.Overrides));
        Assert.Equal(5, fromCommandLine.Measured.Launches);
        Assert.Equal(new SettingOrigin("measured.launches", "5", SettingSource.CommandLine, "--measured-launches"), Assert.Single(fromCommandLine.Overrides));
        // Only the launches changed: the file's repeats and bound stay.
        var file = TestFiles.Load(TestFiles.DefaultProtocol).Protocol!.Measured;
        Assert.Equal(file with { Launches = 5 }, fromCommandLine.Measured);
    }

    [Theory]
    [InlineData("0", "environment: $.measured.launches: FACEOFF_MEASURED_LAUNCHES=0: expected a positive integer")]
    [InlineData("500", "environment: $.measured.launches: FACEOFF_MEASURED_LAUNCHES=500: expected a positive integer up to 100")]
    public void Bad_launch_overrides_are_located_errors(string value, string expected)
    {
        var result = TestFiles.Load(TestFiles.DefaultProtocol,
            new OverrideInputs(new Dictionary<string, string> { ["FACEOFF_MEASURED_LAUNCHES"] = value }, new Dictionary<Knob, string>()));

        Assert.False(result.Succeeded);
        Assert.Equal([expected], result.Errors.Select(error => error.ToString()));
    }

    [Fact]
    public void The_estimate_counts_server_starts_and_scenario_warmups_per_launch()
    {
        var one = TestFiles.LoadText(MiniProtocol.WithField(Plans(launches: 1))).Protocol!;
        var three = TestFiles.LoadText(MiniProtocol.WithField(Plans(launches: 3))).Protocol!;

        var e1 = CampaignEstimate.For(one);
        var e3 = CampaignEstimate.For(three);

        var pairs = one.Pairs.Length;
        var scenarios = one.Pairs.Sum(pair => one.ScenariosFor(pair).Length);
        Assert.Equal((2 * pairs, 2 * scenarios), (e1.ServerStarts, e1.ScenarioWarmups));
        Assert.Equal((3 * 2 * pairs, 3 * 2 * scenarios), (e3.ServerStarts, e3.ScenarioWarmups));
        Assert.Equal(e1.Cells, e3.Cells);
        // Per launch: 3 s per start, a 2 s window per scenario warmup, and per cell 0.5 s fixed warmup + 2 × 1 s repeats.
        var perLaunch = (2 * pairs * 3) + (2 * scenarios * 2) + (e1.Cells * 2.5);
        Assert.Equal(TimeSpan.FromSeconds(perLaunch), e1.Typical);
        Assert.Equal(TimeSpan.FromSeconds(3 * perLaunch), e3.Typical);
        Assert.Contains("(3 launches)", ProtocolSummary.For(three).EstimateText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plan_table_shows_launches_and_passes_per_side()
    {
        var protocol = TestFiles.LoadText(MiniProtocol.WithField(Plans(launches: 3))).Protocol!;

        var plan = ProtocolSummary.For(protocol).Tables.Single(table => table.Title == "Plan");

        Assert.Equal(["measured", "1 s × 2 repeats on each of 3 launches (6 passes per side per cell)"], plan.Rows[1].ToArray());
    }

    private static string Plans(int launches) =>
        "\"warmup\": { \"duration_seconds\": 0.5, \"until_stable\": { \"window_seconds\": 2, \"max_seconds\": 10 } },"
        + $" \"measured\": {{ \"duration_seconds\": 1, \"repeats\": 2, \"launches\": {launches} }},";
}
