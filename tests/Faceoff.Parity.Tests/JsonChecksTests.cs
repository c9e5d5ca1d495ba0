using System.Collections.Immutable;
using System.Text;
using Faceoff.Parity.Checks;
using Faceoff.Parity.Tests.Fixtures;
using Faceoff.Protocol.Model;

namespace Faceoff.Parity.Tests;

public class JsonChecksTests
{
    private const string Subject = "fastapi_comparison_http";
    private static readonly JsonContract Status = TestProtocol.ApiStatus.Contract.Json!;

    [Fact]
    public void A_conforming_status_body_passes()
    {
        var findings = Evaluate(Status, """{"server":"fastapi","ok":true,"timestamp":1764165600}""");

        Assert.Equal(["json.parse", "json.required_keys", "json.exact_values"], findings.Select(f => f.Check));
        Assert.All(findings, f => Assert.Equal(ParityStatus.Pass, f.Status));
    }

    [Fact]
    public void A_missing_key_names_the_key_and_its_expected_type()
    {
        var findings = Evaluate(Status, """{"server":"fastapi","timestamp":1764165600}""");

        var finding = findings.Single("json.required_keys", ParityStatus.Fail);
        Assert.Equal("key \"ok\" missing (expected boolean)", finding.Message);
        Assert.Equal(("boolean", "absent"), (finding.Expected, finding.Observed));
        Assert.Equal("key \"ok\" missing (expected true)", findings.Single("json.exact_values", ParityStatus.Fail).Message);
    }

    [Fact]
    public void A_key_of_the_wrong_type_shows_the_observed_type_and_value()
    {
        var finding = Evaluate(Status, """{"server":"fastapi","ok":"true","timestamp":1}""").Single("json.required_keys", ParityStatus.Fail);

        Assert.Equal("key \"ok\" is string \"true\", expected boolean", finding.Message);
        Assert.Equal(("boolean", "string"), (finding.Expected, finding.Observed));
    }

    [Theory]
    [InlineData("1", JsonType.Integer, true)]
    [InlineData("1.0", JsonType.Integer, true)]
    [InlineData("1.5", JsonType.Integer, false)]
    [InlineData("1.5", JsonType.Number, true)]
    [InlineData("\"1\"", JsonType.Number, false)]
    [InlineData("null", JsonType.Null, true)]
    [InlineData("[]", JsonType.Array, true)]
    [InlineData("{}", JsonType.Object, true)]
    [InlineData("false", JsonType.Boolean, true)]
    public void Types_follow_json_schema(string raw, JsonType type, bool matches)
    {
        using var document = System.Text.Json.JsonDocument.Parse(raw);

        Assert.Equal(matches, JsonChecks.IsOfType(document.RootElement, type));
    }

    [Fact]
    public void Exact_values_compare_structurally_and_ignore_volatile_fields()
    {
        var contract = new JsonContract(
            ImmutableDictionary<string, JsonType>.Empty,
            new Dictionary<string, string> { ["n"] = "1", ["o"] = """{"a":1,"b":[true]}""", ["timestamp"] = "0" }.ToImmutableDictionary(),
            ["timestamp"]);

        var same = Evaluate(contract, """{"o":{"b":[true],"a":1.0},"n":1.00,"timestamp":99}""");
        var different = Evaluate(contract, """{"o":{"b":[false],"a":1},"n":1,"timestamp":0}""");

        Assert.All(same, f => Assert.Equal(ParityStatus.Pass, f.Status));
        var finding = different.Single("json.exact_values", ParityStatus.Fail);
        Assert.Equal("key \"o\" is {\"b\":[false],\"a\":1}, expected {\"a\":1,\"b\":[true]}", finding.Message);
    }

    [Theory]
    [InlineData("", "body is not JSON")]
    [InlineData("{\"ok\":tru", "body is not JSON")]
    [InlineData("[1,2]", "top-level value is array, expected object")]
    public void A_body_that_is_not_a_json_object_fails_to_parse(string body, string message)
    {
        var finding = Assert.Single(Evaluate(Status, body));

        Assert.Equal(("json.parse", ParityStatus.Fail), (finding.Check, finding.Status));
        Assert.StartsWith(message, finding.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<ParityFinding> Evaluate(JsonContract contract, string body) =>
        JsonChecks.Evaluate(contract, Encoding.UTF8.GetBytes(body), Subject);
}
