using Faceoff.Parity.Checks;
using Faceoff.Parity.Tests.Fixtures;
using Faceoff.Protocol.Model;

namespace Faceoff.Parity.Tests;

public class ContractChecksTests
{
    private const string Subject = "fastapi_comparison_http";

    [Fact]
    public void A_conforming_healthz_response_passes_every_part_of_its_contract()
    {
        var findings = ContractChecks.Evaluate(TestProtocol.Healthz.Contract, Responses.Make(200, "text/plain; charset=utf-8", "ok\n"), Subject);

        Assert.Equal(["status", "media_type", "body.exact"], findings.Select(f => f.Check));
        Assert.All(findings, f => Assert.Equal(ParityStatus.Pass, f.Status));
    }

    [Fact]
    public void A_wrong_status_fails_with_expected_and_observed()
    {
        var finding = ContractChecks.Evaluate(TestProtocol.Healthz.Contract, Responses.Make(503, "text/plain", "ok\n"), Subject)
            .Single("status", ParityStatus.Fail);

        Assert.Equal(("200", "503"), (finding.Expected, finding.Observed));
        Assert.Equal("status 503, expected 200", finding.Message);
        Assert.Equal(Subject, finding.Subject);
    }

    [Theory]
    [InlineData("text/plain", ParityStatus.Pass)]
    [InlineData("TEXT/Plain ; charset=latin-1", ParityStatus.Pass)]
    [InlineData("text/html; charset=utf-8", ParityStatus.Fail)]
    [InlineData(null, ParityStatus.Fail)]
    public void Media_type_compares_type_and_subtype_only(string? contentType, ParityStatus expected)
    {
        var finding = ContractChecks.MediaType("text/plain", contentType, Subject);

        Assert.Equal(expected, finding.Status);
        Assert.Equal("text/plain", finding.Expected);
        Assert.Equal(contentType, finding.Observed);
    }

    [Fact]
    public void An_exact_body_that_differs_only_in_whitespace_fails_and_names_the_byte()
    {
        var finding = ContractChecks.ExactBody("ok\n", "ok \n"u8, Subject);

        Assert.Equal(ParityStatus.Fail, finding.Status);
        Assert.Contains("first difference at byte 2: observed 0x20 ' ', expected 0x0a '\\n'", finding.Message, StringComparison.Ordinal);
        Assert.Equal("\"ok\\n\"", finding.Expected);
        Assert.Equal("\"ok \\n\"", finding.Observed);
    }

    [Fact]
    public void A_missing_required_header_and_a_value_failing_its_pattern_are_both_reported()
    {
        var response = Responses.Make(200, "application/json", "{}", ("x-content-type-options", "sniff"));
        var requirements = new HeaderRequirement[] { new("x-content-type-options", "^nosniff$"), new("x-trace-id", null) };

        var findings = ContractChecks.RequiredHeaders(requirements, response, Subject).ToList();

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(ParityStatus.Fail, f.Status));
        Assert.Equal("header \"x-content-type-options\" value \"sniff\" does not match ^nosniff$", findings[0].Message);
        Assert.Equal(("present", "absent"), (findings[1].Expected, findings[1].Observed));
        Assert.Equal("header \"x-trace-id\" missing", findings[1].Message);
    }

    [Fact]
    public void Header_names_match_case_insensitively_and_repeated_fields_are_combined()
    {
        var response = Responses.Make(200, "text/plain", "x", ("X-Trace-Id", "a"), ("x-trace-id", "b"));

        Assert.Equal("a, b", response.Header("x-TRACE-id"));
        var finding = Assert.Single(ContractChecks.RequiredHeaders([new HeaderRequirement("x-trace-id", "^a, b$")], response, Subject));
        Assert.Equal(ParityStatus.Pass, finding.Status);
    }

    [Fact]
    public void An_invalid_header_pattern_is_a_failure_not_an_exception()
    {
        var response = Responses.Make(200, "text/plain", "x", ("x-a", "1"));

        var finding = Assert.Single(ContractChecks.RequiredHeaders([new HeaderRequirement("x-a", "([")], response, Subject));

        Assert.Equal(ParityStatus.Fail, finding.Status);
        Assert.Contains("invalid pattern", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_missing_body_substring_is_its_own_failure()
    {
        var response = Responses.Make(200, "text/html", "<h1>Faceoff Reference App</h1><a href=\"/\">Home</a>");

        var failures = ContractChecks.Evaluate(TestProtocol.Root.Contract, response, Subject).Where(f => f.Status == ParityStatus.Fail).ToList();

        Assert.Equal(["body lacks \"template:multiline-ok\"", "body lacks \"<a href=\\\"/about\\\">About</a>\""], failures.Select(f => f.Message));
        Assert.All(failures, f => Assert.Equal("body.substrings", f.Check));
    }
}
