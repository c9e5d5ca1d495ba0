using System.Text;

namespace Faceoff.Protocol.Tests;

public sealed class ParserAndPlaceholderTests
{
    [Fact]
    public void Columns_count_characters_not_bytes_and_a_bom_is_skipped()
    {
        var json = MiniProtocol.With("\"name\": \"mini\",", "\"name\": \"mini\", \"description\": \"héllo ✓\", \"host\": 7,");
        var path = TestFiles.WriteTemp(json);
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)]);

        var error = Assert.Single(TestFiles.Load(path).Errors);

        // "  \"name\": \"mini\", \"description\": \"héllo ✓\", \"host\": " is 52 characters but 55 bytes.
        Assert.Equal((3, 53, "$.host", "expected an IP address or \"localhost\", got 7"), (error.Line, error.Column, error.JsonPath, error.Message));
    }

    [Fact]
    public void Keys_that_are_not_identifiers_are_bracketed_in_paths()
    {
        var json = MiniProtocol.With("\"contract\": { \"status\": 200 } }", "\"headers\": { \"x-id\": 1 }, \"contract\": { \"status\": 200 } }");

        Assert.Equal(["8:59: $.scenarios.healthz.headers['x-id']: expected a string, got 1"], MiniProtocol.Errors(json));
    }

    [Fact]
    public void Placeholders_expand_known_values_and_leave_the_rest_and_literal_braces()
    {
        var values = new Dictionary<string, string> { ["port"] = "8080", ["host"] = "127.0.0.1" };

        Assert.Equal("http://127.0.0.1:8080/{python}", Placeholders.Expand("http://{host}:{port}/{python}", values));
        Assert.Equal("{\"a\":1}", Placeholders.Expand("{\"a\":1}", values));
        Assert.Equal(["host", "port", "x"], Placeholders.NamesIn("{host}:{port}-{x}-{\"y\"}"));
    }
}
