using System.Collections.Immutable;
using System.Text.Json;
using Faceoff.Parity.Tests.Fixtures;

namespace Faceoff.Parity.Tests;

public class ReportTests
{
    private static readonly ServerRecord Candidate = new("parity-comparison_http", "comparison_http", "aspnet", false, "http://127.0.0.1:1/", 1, "/logs/a.log", null, null);
    private static readonly ServerRecord Reference = new("parity-fastapi_comparison_http", "fastapi_comparison_http", "fastapi", false, "http://127.0.0.1:2/", 2, "/logs/b.log", null, null);

    [Fact]
    public void Warnings_are_recorded_and_printed_but_never_fail_the_gate()
    {
        var warn = ParityFinding.Warn("transport.date", "fastapi_comparison_http", "no Date header", "present", "absent");
        var report = Assemble(Pair(Scenario("healthz", "C01", warn)));

        Assert.Equal(ParityStatus.Warn, report.Status);
        Assert.True(report.Passed);
        Assert.Null(report.FirstFailure);
        Assert.Equal<string>(["WARN C01 comparison_http/healthz transport.date: fastapi_comparison_http: no Date header"], report.Warnings);
    }

    [Fact]
    public void The_first_failure_follows_report_order_and_carries_the_claim_id_when_there_is_one()
    {
        var rootFailure = ParityFinding.Fail("body.substrings", "comparison_http", "body lacks \"x\"", "\"x\"", "\"\"");
        var statusFailure = ParityFinding.Fail("status", "fastapi_comparison_http", "status 500, expected 200", "200", "500");
        var backpressure = new FrameworkResult(
            "aspnet", ParityStatus.Fail, [], [ParityFinding.Fail("backpressure.overload", "aspnet", "no 503", "503", "200")], null, null);

        var report = Assemble(Pair(Scenario("root", null, rootFailure), Scenario("api_status", "C02", statusFailure)), backpressure);

        Assert.Equal("FAIL comparison_http/root body.substrings: comparison_http: body lacks \"x\"", report.FirstFailure);
        Assert.Equal(ParityStatus.Fail, report.Claims.Single(c => c.ClaimId == "C02").Status);
        Assert.Equal(ParityStatus.Fail, report.Claims.Single(c => c.ClaimId == "C05").Status);
        Assert.Equal(ParityStatus.Pass, report.Claims.Single(c => c.ClaimId == "C04").Status);
        Assert.Equal<string>(["/logs/a.log", "/logs/b.log"], report.Claims.Single(c => c.ClaimId == "C02").LogPaths);
    }

    [Fact]
    public void A_claim_target_whose_scenario_was_not_checked_fails()
    {
        var report = Assemble(Pair(Scenario("healthz", "C01")), ["healthz", "api_status"]);

        var c02 = report.Claims.Single(c => c.ClaimId == "C02");
        Assert.Equal(ParityStatus.Fail, c02.Status);
        Assert.StartsWith("scenario \"api_status\" was not checked", Assert.Single(c02.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_did_not_start_fails_every_scenario_of_its_pair_with_the_reason()
    {
        await using var app = await FakeApp.StartAsync();
        var up = Candidate with { BaseUri = app.BaseUri.ToString() };
        var down = Reference with { BaseUri = null, Pid = null, StartFailure = "port 3311 on 127.0.0.1 is already in use" };
        var protocol = TestProtocol.Build() with { Pairs = [TestProtocol.ComparisonHttp] };

        var pair = await ParityGate.CheckPairAsync(protocol, TestProtocol.ComparisonHttp, up, down, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(ParityStatus.Fail, pair.Status);
        Assert.All(pair.Scenarios, s => Assert.Equal(
            "server not available: port 3311 on 127.0.0.1 is already in use", s.Findings.Single("server.start", ParityStatus.Fail).Message));
        Assert.All(pair.Scenarios, s => Assert.Equal("port 3311 on 127.0.0.1 is already in use", s.Observations[1].Error));
        Assert.Contains(pair.KeepAlive, f => f.Subject == "comparison_http" && f.Status == ParityStatus.Pass);
    }

    [Fact]
    public void The_report_serialises_snake_case_and_reads_back()
    {
        var failure = ParityFinding.Fail("json.required_keys", "fastapi_comparison_http", "key \"ok\" missing (expected boolean)", "boolean", "absent");
        var report = Assemble(Pair(Scenario("api_status", "C02", failure)));

        var json = ParityReportJson.Serialize(report);
        using var document = JsonDocument.Parse(json);
        var back = ParityReportJson.Deserialize(json)!;

        var root = document.RootElement;
        Assert.Equal("fail", root.GetProperty("status").GetString());
        Assert.False(root.GetProperty("passed").GetBoolean());
        Assert.Equal("FAIL C02 comparison_http/api_status json.required_keys: fastapi_comparison_http: key \"ok\" missing (expected boolean)", root.GetProperty("first_failure").GetString());
        var finding = root.GetProperty("pairs")[0].GetProperty("scenarios")[0].GetProperty("findings")[1];
        Assert.Equal(["check", "status", "subject", "expected", "observed", "message"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal(report.FirstFailure, back.FirstFailure);
        Assert.Equal(report.Claims.Select(c => (c.ClaimId, c.Status)), back.Claims.Select(c => (c.ClaimId, c.Status)));
        Assert.Equal(failure, back.Pairs[0].Scenarios[0].Findings[1]);
    }

    private static ScenarioResult Scenario(string id, string? claim, params ParityFinding[] findings)
    {
        ImmutableArray<ParityFinding> all = [ParityFinding.Pass("status", "comparison_http", "status 200", "200", "200"), .. findings];
        return new ScenarioResult(id, claim, ParityVerdict.Worst(all), [], all, null);
    }

    private static PairResult Pair(params ScenarioResult[] scenarios) =>
        new("comparison_http", ParityVerdict.Worst(scenarios.SelectMany(s => s.Findings)), Candidate, Reference, [.. scenarios], "healthz", [], []);

    /// <summary>Claims only for the scenarios the pair carries, unless told otherwise.</summary>
    private static ParityReport Assemble(PairResult pair, params FrameworkResult[] frameworks) => Assemble(pair, pair.Scenarios.Select(s => s.Scenario), frameworks);

    private static ParityReport Assemble(PairResult pair, IEnumerable<string> claimed, params FrameworkResult[] frameworks)
    {
        var full = TestProtocol.Build();
        var protocol = full with { Pairs = [TestProtocol.ComparisonHttp], ClaimTargets = [.. full.ClaimTargets.Where(c => c.Pair == pair.Name && claimed.Contains(c.Scenario))] };
        return ReportAssembler.Assemble(protocol, DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1), [pair], [.. frameworks]);
    }
}
