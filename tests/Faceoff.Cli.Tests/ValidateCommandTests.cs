using System.CommandLine;
using Faceoff.Cli.Options;
using Faceoff.Protocol.Model;
using Faceoff.Protocol.Overrides;
using Faceoff.Testing;

namespace Faceoff.Cli.Tests;

public sealed class ValidateCommandTests
{
    private static readonly string RepoRoot = TestRepository.Root;

    [Fact]
    public async Task Valid_default_protocol_exits_0_with_a_summary()
    {
        var (code, output, error) = await Run("validate", Path.Combine(RepoRoot, "protocols", "default.json"));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("comparison_http   comparison_http (aspnet)   fastapi_comparison_http (fastapi)   3301 / 3311  1,4,8,16,32", output, StringComparison.Ordinal);
        Assert.Contains("C03    middleware_heavy  api_echo", output, StringComparison.Ordinal);
        Assert.Contains("Estimated duration: about ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_protocol_exits_2_listing_every_problem_in_file_line_column_form()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("faceoff-cli-").FullName, "broken.json");
        await File.WriteAllTextAsync(path, """
            {
              "schema_version": 2,
              "name": "broken",
              "frameworks": {},
              "scenarios": { "s": { "path": "/", "contract": { "status": 200 } } },
              "profiles": { "p": { "framework": "nope", "scenarios": ["s"] } },
              "pairs": [{ "name": "x", "candidate": "p", "reference": "p", "candidate_port": "abc", "reference_port": 4002 }]
            }
            """);

        var (code, output, error) = await Run("validate", path);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            [
                $"{path}:4:17: $.frameworks: expected a non-empty object of frameworks by id, got an empty object",
                $"{path}:7:82: $.pairs[0].candidate_port: expected an integer 1-65535, got \"abc\"",
                $"{path}:6:37: $.profiles.p.framework: unknown framework \"nope\" (none are defined)",
                $"faceoff: {path} is not a valid protocol (3 problems)",
            ],
            error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task A_misspelt_services_field_exits_2_at_its_line_and_column()
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot, "protocols", "db.json")).Replace("\"shared_buffers\"", "\"shared_buffer\"", StringComparison.Ordinal);
        var path = Path.Combine(Directory.CreateTempSubdirectory("faceoff-cli-").FullName, "db.json");
        await File.WriteAllTextAsync(path, text);
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("\"shared_buffer\"", StringComparison.Ordinal));
        var column = lines[line].IndexOf("\"shared_buffer\"", StringComparison.Ordinal) + 1;

        var (code, output, error) = await Run("validate", path);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith(
            $"{path}:{line + 1}:{column}: $.services.postgres.shared_buffer: unknown field \"shared_buffer\" (did you mean \"shared_buffers\"?",
            error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_few_measured_repeats_for_a_verdict_are_valid_but_warned_about()
    {
        var (code, output, error) = await Run("validate", Path.Combine(RepoRoot, "protocols", "default.json"), "--measured-repeats", "1", "--measured-launches", "2");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Estimated duration", output, StringComparison.Ordinal);
        Assert.Equal(
            "warning: measured repeats 1 × launches 2: a comparison needs at least 3 passes per side, so every row will be inconclusive and no claim can be supported or refuted",
            error.Trim());
    }

    [Fact]
    public async Task Measured_launches_from_the_command_line_are_shown_with_their_source_and_estimated()
    {
        var path = Path.Combine(RepoRoot, "protocols", "default.json");
        var (_, one, _) = await Run("validate", path, "--measured-launches", "1");
        var (code, four, error) = await Run("validate", path, "--measured-launches", "4");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("on each of 4 launches", four, StringComparison.Ordinal);
        Assert.Matches(@"measured\.launches\s+4\s+command line --measured-launches", four);
        Assert.Contains("server starts (4 launches)", four, StringComparison.Ordinal);
        Assert.Contains("server starts (1 launch)", one, StringComparison.Ordinal);
        Assert.True(Minutes(four) > 3 * Minutes(one), $"4 launches should take about 4 × 1 launch:\n{one}\n{four}");
    }

    /// <summary>The typical estimate in minutes, from "Estimated duration: about 4m 27s".</summary>
    private static double Minutes(string output)
    {
        var match = System.Text.RegularExpressions.Regex.Match(output, @"Estimated duration: about (?:(\d+)m )?(\d+)s");
        Assert.True(match.Success, output);
        return (match.Groups[1].Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0)
            + (int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) / 60.0);
    }

    [Fact]
    public async Task Bad_override_option_is_a_located_usage_error()
    {
        var (code, _, error) = await Run("validate", Path.Combine(RepoRoot, "protocols", "default.json"), "--measured-repeats", "abc");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("command line: $.measured.repeats: --measured-repeats=abc: expected a positive integer", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_explains_every_override_with_its_environment_variable()
    {
        var (code, output, _) = await Run("validate", "--help");

        Assert.Equal(0, code);
        foreach (var expected in new[] { "--concurrency", "FACEOFF_CONCURRENCY_LIST", "ARLEN_PHASED_CONCURRENCY_LIST", "--measured-duration", "--measured-launches", "FACEOFF_MEASURED_LAUNCHES", "--base", "FACEOFF_BASE_PROTOCOL" })
        {
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Run_options_turn_flags_and_values_into_override_inputs_that_beat_the_environment()
    {
        var command = new Command("run");
        var options = OverrideOptions.ForRun();
        options.AddTo(command);
        var environment = new Dictionary<string, string> { ["FACEOFF_SKIP_PARITY"] = "1", ["FACEOFF_PIN"] = "auto" };

        var inputs = options.Read(command.Parse(["--skip-build", "--skip-parity", "false", "--pin", "0/1"]), environment);
        var resolution = OverrideResolver.Resolve(inputs);
        var run = resolution.Run;

        Assert.Equal((true, false), (run.SkipBuild, run.SkipParity));
        Assert.Equal([0], run.Pin!.ServerCpus.ToArray());
        Assert.All(resolution.RunOrigins, origin => Assert.Equal(SettingSource.CommandLine, origin.Source));
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await FaceoffApp.BuildRoot().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
