using Faceoff.Parity.Checks;
using Faceoff.Parity.Tests.Fixtures;
using Faceoff.Protocol.Model;

namespace Faceoff.Parity.Tests;

public class EquivalenceTests
{
    private const string Pair = "middleware_heavy";

    [Fact]
    public void Status_bodies_that_differ_only_in_volatile_fields_are_equivalent()
    {
        var result = Compare(
            TestProtocol.ApiStatus,
            Responses.Make(200, "application/json; charset=utf-8", """{"server":"aspnet","ok":true,"timestamp":1764165600}"""),
            Responses.Make(200, "application/json", """{"server":"fastapi","ok":true,"timestamp":1764165601.5}"""));

        Assert.All(result.Findings, f => Assert.Equal(ParityStatus.Pass, f.Status));
        Assert.DoesNotContain(result.Findings, f => f.Check == "equivalence.body_bytes");
        Assert.Null(result.Diff);
    }

    [Fact]
    public void Different_key_sets_and_value_types_fail_the_json_shape_with_a_diff()
    {
        var result = Compare(
            TestProtocol.ApiStatus,
            Responses.Make(200, "application/json", """{"server":"aspnet","ok":true,"timestamp":1,"extra":[]}"""),
            Responses.Make(200, "application/json", """{"server":"fastapi","ok":"yes","timestamp":1}"""));

        var shape = result.Findings.Single("equivalence.json_shape", ParityStatus.Fail);
        Assert.Equal("$.ok is boolean in middleware_heavy, string in fastapi_middleware_heavy; $.extra only in middleware_heavy", shape.Message);
        Assert.NotNull(result.Diff);
        Assert.Contains("-  \"ok\": true,", result.Diff, StringComparison.Ordinal);
        Assert.Contains("+  \"ok\": \"yes\",", result.Diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_volatile_values_must_match_across_the_pair()
    {
        var contract = TestProtocol.ApiStatusMiddleware;
        var result = Compare(
            contract,
            Responses.Make(200, "application/json", """{"server":"aspnet","ok":true,"timestamp":1}"""),
            Responses.Make(200, "application/json", """{"server":"fastapi","ok":false,"timestamp":1}"""));

        var values = result.Findings.Single("equivalence.json_values", ParityStatus.Fail);
        Assert.Equal("values differ: \"ok\": middleware_heavy true, fastapi_middleware_heavy false", values.Message);
    }

    [Fact]
    public void A_deterministic_body_that_differs_only_in_whitespace_fails_with_the_byte_and_a_diff()
    {
        var compact = $$"""{"name":"{{FakeApp.EchoName}}","path":"/api/echo/{{FakeApp.EchoName}}"}""";
        var spaced = $$"""{"name": "{{FakeApp.EchoName}}", "path": "/api/echo/{{FakeApp.EchoName}}"}""";

        var result = Compare(TestProtocol.ApiEcho, Responses.Make(200, "application/json", compact), Responses.Make(200, "application/json", spaced));

        var bytes = result.Findings.Single("equivalence.body_bytes", ParityStatus.Fail);
        Assert.Contains("first difference at byte 8: middleware_heavy 0x22 '\"', fastapi_middleware_heavy 0x20 ' '", bytes.Message, StringComparison.Ordinal);
        Assert.Equal(ParityStatus.Pass, result.Findings.Single(f => f.Check == "equivalence.json_values").Status);
        Assert.Equal(
            $"--- middleware_heavy\n+++ fastapi_middleware_heavy\n@@ -1,1 +1,1 @@\n-{compact}\n\\ No newline at end of file\n+{spaced}\n\\ No newline at end of file\n",
            result.Diff);
    }

    [Fact]
    public void Charset_rule_ignore_compares_type_subtype_and_exact_compares_the_whole_value()
    {
        Assert.Equal(ParityStatus.Pass, EquivalenceChecks.MediaType(CharsetRule.Ignore, "text/plain; charset=utf-8", "text/plain", "a", "b", Pair).Status);
        var exact = EquivalenceChecks.MediaType(CharsetRule.Exact, "text/plain; charset=utf-8", "text/plain; charset=UTF-8", "a", "b", Pair);
        Assert.Equal(ParityStatus.Fail, exact.Status);
        Assert.Equal("whole Content-Type differs: a \"text/plain; charset=utf-8\", b \"text/plain; charset=UTF-8\"", exact.Message);
        Assert.Equal(ParityStatus.Pass, EquivalenceChecks.MediaType(CharsetRule.Exact, "text/plain; charset=utf-8", "text/plain; charset=utf-8", "a", "b", Pair).Status);
    }

    [Fact]
    public void Different_statuses_fail()
    {
        var result = Compare(TestProtocol.Healthz, Responses.Make(200, "text/plain", "ok\n"), Responses.Make(503, "text/plain", "overloaded\n"));

        Assert.Equal("status differs: middleware_heavy 200, fastapi_middleware_heavy 503", result.Findings.Single("equivalence.status", ParityStatus.Fail).Message);
        Assert.Contains("-ok\n+overloaded\n", result.Diff, StringComparison.Ordinal);
    }

    private static EquivalenceResult Compare(ScenarioDefinition scenario, Http.WireResponse candidate, Http.WireResponse reference) =>
        EquivalenceChecks.Compare(
            scenario.Contract, CharsetRule.Ignore, new SideResponse("middleware_heavy", candidate), new SideResponse("fastapi_middleware_heavy", reference), Pair);
}
