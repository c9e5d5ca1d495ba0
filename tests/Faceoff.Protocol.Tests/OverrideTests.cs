using Faceoff.Protocol.Model;
using Faceoff.Protocol.Overrides;

namespace Faceoff.Protocol.Tests;

public sealed class OverrideTests
{
    [Fact]
    public void Command_line_beats_environment_beats_file()
    {
        var environment = new Dictionary<string, string> { ["FACEOFF_MEASURED_REPEATS"] = "5", ["FACEOFF_WARMUP_REPEATS"] = "2" };
        var commandLine = new Dictionary<Knob, string> { [Knobs.MeasuredRepeats] = "7" };

        var protocol = Load(TestFiles.DefaultProtocol, environment, commandLine);

        Assert.Equal(7, protocol.Measured.Repeats);
        Assert.Equal(2, protocol.Warmup.Fixed.Repeats);
        Assert.Equal(TestFiles.Load(TestFiles.DefaultProtocol).Protocol!.Measured.DurationSeconds, protocol.Measured.DurationSeconds);
        Assert.Equal(
            [
                new SettingOrigin("warmup.repeats", "2", SettingSource.Environment, "FACEOFF_WARMUP_REPEATS"),
                new SettingOrigin("measured.repeats", "7", SettingSource.CommandLine, "--measured-repeats"),
            ],
            protocol.Overrides.ToArray());
    }

    [Fact]
    public void Seed_aliases_work_and_each_says_so()
    {
        var result = TestFiles.Load(TestFiles.DefaultProtocol, Inputs(new()
        {
            ["ARLEN_PHASED_MEASURED_REQUESTS"] = "500",
            ["ARLEN_PHASED_WARMUP_REPEATS"] = "4",
            ["FACEOFF_WARMUP_REPEATS"] = "3",
        }));

        var protocol = result.Protocol!;
        var file = TestFiles.Load(TestFiles.DefaultProtocol).Protocol!.Measured;
        Assert.Equal(file with { Requests = 500, DurationSeconds = null }, protocol.Measured);
        Assert.Equal(3, protocol.Warmup.Fixed.Repeats);
        Assert.Contains(new SettingOrigin("measured.requests", "500", SettingSource.Environment, "ARLEN_PHASED_MEASURED_REQUESTS"), protocol.Overrides);
        Assert.Equal(
            [
                "ARLEN_PHASED_WARMUP_REPEATS ignored: FACEOFF_WARMUP_REPEATS is set",
                "ARLEN_PHASED_MEASURED_REQUESTS is the seed's name for FACEOFF_MEASURED_REQUESTS; using it (prefer FACEOFF_MEASURED_REQUESTS)",
            ],
            result.Notices.ToArray());
    }

    [Fact]
    public void Concurrency_list_replaces_every_ladder_including_a_pairs_own()
    {
        var protocol = Load(TestFiles.SeedV1Protocol, new() { ["ARLEN_PHASED_CONCURRENCY_LIST"] = "2, 6" });

        Assert.All(protocol.Pairs, pair => Assert.Equal([2, 6], protocol.LadderFor(pair).ToArray()));
        Assert.Contains(new SettingOrigin("concurrency_ladder", "2,6", SettingSource.Environment, "ARLEN_PHASED_CONCURRENCY_LIST"), protocol.Overrides);
    }

    [Fact]
    public void A_duration_override_replaces_a_request_bound_from_the_file()
    {
        var protocol = Load(TestFiles.SeedV1Protocol, new() { ["FACEOFF_MEASURED_DURATION"] = "1.5" });

        Assert.Equal(new PassPlan(null, 1.5, 3), protocol.Measured);
    }

    [Fact]
    public void Bounds_at_different_levels_take_the_higher_with_a_notice_and_at_the_same_level_are_an_error()
    {
        var environment = new Dictionary<string, string> { ["FACEOFF_WARMUP_REQUESTS"] = "100" };
        var mixed = OverrideResolver.Resolve(new OverrideInputs(environment, new Dictionary<Knob, string> { [Knobs.WarmupDuration] = "3" }));
        Assert.Equal(new PassBound(null, 3), mixed.Protocol.WarmupBound!.Value);
        Assert.Equal(["FACEOFF_WARMUP_REQUESTS=100 ignored: --warmup-duration takes precedence"], mixed.Notices.ToArray());

        environment["FACEOFF_WARMUP_DURATION"] = "3";
        var clash = OverrideResolver.Resolve(Inputs(environment));
        Assert.Equal(
            ["environment: $.warmup: FACEOFF_WARMUP_REQUESTS and FACEOFF_WARMUP_DURATION are both set: a pass is bounded by a request count or a duration, not both"],
            clash.Errors.Select(error => error.ToString()));
    }

    [Theory]
    [InlineData("FACEOFF_MEASURED_REPEATS", "abc", "environment: $.measured.repeats: FACEOFF_MEASURED_REPEATS=abc: expected a positive integer")]
    [InlineData("FACEOFF_MEASURED_REPEATS", "5000", "environment: $.measured.repeats: FACEOFF_MEASURED_REPEATS=5000: expected a positive integer up to 1000")]
    [InlineData("FACEOFF_CONCURRENCY_LIST", "1,8,4", "environment: $.concurrency_ladder: FACEOFF_CONCURRENCY_LIST=1,8,4: expected a comma-separated list of increasing integers 1-10000, e.g. 1,4,8")]
    [InlineData("FACEOFF_WARMUP_DURATION", "-1", "environment: $.warmup.duration_seconds: FACEOFF_WARMUP_DURATION=-1: expected a number of seconds greater than 0")]
    [InlineData("ARLEN_PHASED_SKIP_BUILD", "maybe", "environment: skip_build: ARLEN_PHASED_SKIP_BUILD=maybe: expected 1/0, true/false, yes/no or on/off")]
    [InlineData("FACEOFF_PIN", "0-1", "environment: pin: FACEOFF_PIN=0-1: expected off, auto, or SERVER/LOAD CPU lists such as 0/1 or 0-1/2-3")]
    [InlineData("FACEOFF_RUN_ID", "../x", "environment: run_id: FACEOFF_RUN_ID=../x: expected letters, digits, '_', '-' or '.' (it names a directory)")]
    public void Bad_override_values_are_located_errors(string variable, string value, string expected)
    {
        var result = TestFiles.Load(TestFiles.DefaultProtocol, Inputs(new() { [variable] = value }));

        Assert.False(result.Succeeded);
        Assert.Equal([expected], result.Errors.Select(error => error.ToString()));
    }

    [Fact]
    public void Bad_command_line_values_name_the_option()
    {
        var resolution = OverrideResolver.Resolve(new OverrideInputs(
            new Dictionary<string, string>(), new Dictionary<Knob, string> { [Knobs.MeasuredRequests] = "0" }));

        Assert.Equal(["command line: $.measured.requests: --measured-requests=0: expected a positive integer"], resolution.Errors.Select(error => error.ToString()));
    }

    [Fact]
    public void Defaults_for_left_out_sections_are_recorded_as_defaults()
    {
        var protocol = TestFiles.LoadText(MiniProtocol.Text, Inputs(new() { ["FACEOFF_MEASURED_REPEATS"] = "4" })).Protocol!;

        Assert.Equal(ProtocolDefaults.Warmup, protocol.Warmup);
        Assert.Equal(new PassPlan(null, 5, 4), protocol.Measured);
        Assert.Equal("healthz", protocol.Parity.KeepAliveScenario);
        var origins = protocol.Overrides.ToDictionary(origin => origin.Setting);
        Assert.Equal(new SettingOrigin("warmup.duration_seconds", "2", SettingSource.Default, null), origins["warmup.duration_seconds"]);
        Assert.Equal(new SettingOrigin("measured.repeats", "4", SettingSource.Environment, "FACEOFF_MEASURED_REPEATS"), origins["measured.repeats"]);
        Assert.Equal(new SettingOrigin("parity.keepalive_scenario", "healthz", SettingSource.Default, null), origins["parity.keepalive_scenario"]);
        Assert.Equal("1,4,8,16,32", origins["concurrency_ladder"].Value);
        Assert.Equal(SettingSource.Default, origins["comparison.confidence_level"].Source);
    }

    [Fact]
    public void Run_settings_parse_flags_paths_and_pinning_with_their_origins()
    {
        var resolution = OverrideResolver.Resolve(new OverrideInputs(
            new Dictionary<string, string>
            {
                ["ARLEN_PHASED_SKIP_BUILD"] = "1",
                ["FACEOFF_SKIP_PARITY"] = "yes",
                ["ARLEN_FASTAPI_VENV"] = "/opt/venv",
                ["FACEOFF_PIN"] = "0/1-3",
                ["FACEOFF_OUTPUT_DIR"] = " ",
            },
            new Dictionary<Knob, string> { [Knobs.SkipParity] = "false", [Knobs.RunId] = "run-1" }));

        var run = resolution.Run;
        Assert.Empty(resolution.Errors);
        Assert.Equal((true, false, "/opt/venv", null, null, "run-1"), (run.SkipBuild, run.SkipParity, run.FastapiVenv, run.FastapiPython, run.OutputDir, run.RunId));
        Assert.Equal([0], run.Pin!.ServerCpus.ToArray());
        Assert.Equal([1, 2, 3], run.Pin.LoadCpus.ToArray());
        Assert.Equal(
            ["skip_build:ARLEN_PHASED_SKIP_BUILD", "skip_parity:--skip-parity", "fastapi_venv:ARLEN_FASTAPI_VENV", "run_id:--run-id", "pin:FACEOFF_PIN"],
            resolution.RunOrigins.Select(origin => origin.Setting + ":" + origin.Origin));
        Assert.Equal(2, resolution.Notices.Length);
    }

    [Fact]
    public void Pinning_auto_and_off()
    {
        Assert.True(OverrideResolver.Resolve(Inputs(new() { ["FACEOFF_PIN"] = "auto" })).Run.Pin!.IsAuto);
        Assert.Null(OverrideResolver.Resolve(Inputs(new() { ["FACEOFF_PIN"] = "off" })).Run.Pin);
    }

    [Theory]
    [InlineData(1, null, null)]
    [InlineData(2, "0", "1")]
    [InlineData(5, "0-2", "3-4")]
    public void Auto_pinning_gives_the_servers_the_first_half_of_the_cores(int cores, string? servers, string? load)
    {
        var resolved = CpuPinning.Auto.Resolve(cores);

        Assert.Equal(servers, resolved is null ? null : CpuList.Format(resolved.ServerCpus));
        Assert.Equal(load, resolved is null ? null : CpuList.Format(resolved.LoadCpus));
    }

    [Fact]
    public void Explicit_pinning_resolves_to_itself_and_cpu_lists_round_trip()
    {
        var pin = OverrideResolver.Resolve(Inputs(new() { ["FACEOFF_PIN"] = " 3 , 1-2 /0" })).Run.Pin!;

        Assert.Same(pin, pin.Resolve(1));
        Assert.Equal(("1-3", "0"), (CpuList.Format(pin.ServerCpus), CpuList.Format(pin.LoadCpus)));
        Assert.Null(CpuList.Parse("0-4096"));
        Assert.Null(CpuList.Parse("2-1"));
    }

    [Fact]
    public void Every_knob_has_a_distinct_option_and_variable()
    {
        Assert.Equal(Knobs.All.Length, Knobs.All.Select(knob => knob.Option).Distinct().Count());
        var variables = Knobs.All.SelectMany(knob => knob.Aliases.Add(knob.EnvVar)).ToList();
        Assert.Equal(variables.Count, variables.Distinct().Count());
        Assert.All(Knobs.All, knob => Assert.StartsWith("FACEOFF_", knob.EnvVar, StringComparison.Ordinal));
    }

    private static CampaignProtocol Load(string path, Dictionary<string, string> environment, Dictionary<Knob, string>? commandLine = null)
    {
        var result = TestFiles.Load(path, new OverrideInputs(environment, commandLine ?? []));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Protocol!;
    }

    private static OverrideInputs Inputs(Dictionary<string, string> environment) => new(environment, new Dictionary<Knob, string>());
}
