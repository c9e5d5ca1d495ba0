using Faceoff.Cli.Compare;
using Faceoff.Statistics.Regression;

namespace Faceoff.Cli.Tests;

public sealed class RegressionPolicyLoaderTests
{
    // Verbatim content of the seed's reference/arlen-data/policy.json.
    private const string SeedPolicy = """
        {
          "latency_regression_ratio": 1.15,
          "throughput_floor_ratio": 0.75,
          "memory_growth_kb_max": 16384,
          "memory_growth_ratio": 1.5
        }
        """;

    [Fact]
    public void Seed_policy_file_loads_into_the_seed_defaults()
    {
        var result = RegressionPolicyLoader.Parse(SeedPolicy);

        Assert.Empty(result.Errors);
        Assert.Equal(RegressionPolicy.ArlenDefault, result.Policy);
    }

    [Fact]
    public void Unknown_field_is_reported_with_path_and_line()
    {
        var json = SeedPolicy.Replace("\"memory_growth_ratio\": 1.5", "\"memory_growth_ratio\": 1.5,\n  \"latency_ratio\": 1.2");

        var result = RegressionPolicyLoader.Parse(json, "middleware_heavy.json");

        Assert.Null(result.Policy);
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.latency_ratio", error.Path);
        Assert.Equal(6, error.Line);
        Assert.Equal(3, error.Column);
        Assert.StartsWith("middleware_heavy.json:6:3: $.latency_ratio: unknown field \"latency_ratio\"", error.ToString());
    }

    [Fact]
    public void Wrong_types_are_all_reported_at_their_values()
    {
        var json = SeedPolicy
            .Replace("0.75", "\"0.75\"")
            .Replace("16384", "16384.5")
            .Replace("1.5\n", "[1.5]\n");

        var result = RegressionPolicyLoader.Parse(json);

        Assert.Null(result.Policy);
        Assert.Equal(
            [("$.throughput_floor_ratio", 3, "expected a number, found a string"),
             ("$.memory_growth_kb_max", 4, "expected a whole number of KiB"),
             ("$.memory_growth_ratio", 5, "expected a number, found an array")],
            result.Errors.Select(e => (e.Path, e.Line, e.Message)));
    }

    [Fact]
    public void Missing_duplicate_and_out_of_range_fields_are_errors()
    {
        const string json = """
            {
              "latency_regression_ratio": 0.9,
              "throughput_floor_ratio": 1.5,
              "throughput_floor_ratio": 0.5,
              "memory_growth_kb_max": -1
            }
            """;

        var result = RegressionPolicyLoader.Parse(json);

        Assert.Equal(
            ["$.throughput_floor_ratio: duplicate field",
             "$.memory_growth_ratio: required field is missing",
             "$.latency_regression_ratio: must be at least 1 (a lower limit would flag unchanged latency), got 0.9",
             "$.throughput_floor_ratio: must be in (0, 1], got 1.5",
             "$.memory_growth_kb_max: must not be negative, got -1"],
            result.Errors.Select(e => $"{e.Path}: {e.Message}"));
        Assert.Equal(4, result.Errors[0].Line);
    }

    [Theory]
    [InlineData("", 1, "the file is empty")]
    [InlineData("[1, 2]", 1, "expected a JSON object, found an array")]
    [InlineData("{\n  \"latency_regression_ratio\": 1.15,\n  oops\n}", 3, "malformed JSON")]
    [InlineData("{\n  \"latency_regression_ratio\": 1.15\n}\n{}", 4, "malformed JSON")]
    public void Malformed_files_return_located_errors_instead_of_throwing(string json, int line, string message)
    {
        var result = RegressionPolicyLoader.Parse(json);

        Assert.False(result.IsValid);
        var error = result.Errors[0];
        Assert.Equal(line, error.Line);
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Columns_count_characters_not_bytes_as_an_editor_shows_them()
    {
        // "é" is two bytes: a byte count would place the bad value one column to the right of where it is.
        var result = RegressionPolicyLoader.Parse("{\"é\": 1, \"throughput_floor_ratio\": \"x\"}");

        var error = Assert.Single(result.Errors, e => e.Path == "$.throughput_floor_ratio");
        Assert.Equal((1, 36), (error.Line, error.Column));
    }
}
