using Faceoff.Parity.Checks;
using Faceoff.Parity.Tests.Fixtures;
using Faceoff.Protocol.Model;

namespace Faceoff.Parity.Tests;

/// <summary>The gate's pair checks and report against in-process Kestrel servers, conforming or broken on purpose.</summary>
public class NonConformingServerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Two_conforming_servers_pass_every_pair_check()
    {
        foreach (var (pair, middleware) in new[] { (TestProtocol.ComparisonHttp, false), (TestProtocol.MiddlewareHeavy, true) })
        {
            var report = await RunPairAsync(pair, Flaw.None, middleware);

            Assert.Null(report.FirstFailure);
            Assert.Empty(report.Warnings);
            Assert.Equal(ParityStatus.Pass, report.Status);
            Assert.All(report.Claims, c => Assert.Equal(ParityStatus.Pass, c.Status));
            var scenarios = report.Pairs.Single().Scenarios;
            Assert.Equal(pair == TestProtocol.ComparisonHttp ? ["healthz", "api_status", "root"] : ["healthz", "api_status_middleware", "api_echo", "root"], scenarios.Select(s => s.Scenario));
            Assert.Contains(report.Pairs.Single().KeepAlive, f => f.Check == "keepalive.reuse" && f.Status == ParityStatus.Pass);
        }
    }

    [Theory]
    [InlineData(Flaw.WrongMediaType, false, "FAIL C01 comparison_http/healthz media_type: fastapi_comparison_http: media type \"text/html; charset=utf-8\", expected text/plain")]
    [InlineData(Flaw.MissingJsonKey, false, "FAIL C02 comparison_http/api_status json.required_keys: fastapi_comparison_http: key \"ok\" missing (expected boolean)")]
    [InlineData(Flaw.WrongJsonType, false, "FAIL C02 comparison_http/api_status json.required_keys: fastapi_comparison_http: key \"ok\" is string \"true\", expected boolean")]
    [InlineData(Flaw.MissingMiddlewareHeader, true, "FAIL middleware_heavy/api_status_middleware headers.required: fastapi_middleware_heavy: header \"x-trace-id\" missing")]
    [InlineData(Flaw.ConnectionCloseEverywhere, false, "FAIL C04 comparison_http/healthz keepalive.connection: fastapi_comparison_http: the first response carries Connection: close")]
    [InlineData(Flaw.WhitespaceInEcho, true, "FAIL C03 middleware_heavy/api_echo equivalence.body_bytes: middleware_heavy: bodies differ (middleware_heavy 211 bytes, fastapi_middleware_heavy 214 bytes); first difference at byte 8")]
    public async Task A_broken_reference_fails_the_gate_naming_scenario_check_and_difference(Flaw flaw, bool middleware, string firstFailure)
    {
        var report = await RunPairAsync(middleware ? TestProtocol.MiddlewareHeavy : TestProtocol.ComparisonHttp, flaw, middleware);

        Assert.Equal(ParityStatus.Fail, report.Status);
        Assert.False(report.Passed);
        Assert.True(report.FirstFailure?.StartsWith(firstFailure, StringComparison.Ordinal), report.FirstFailure);
        var failing = ReportAssembler.Scoped(TestProtocol.Build(), report.Pairs, report.Frameworks).First(s => s.Finding.Status == ParityStatus.Fail);
        Assert.NotNull(failing.Finding.Expected);
        Assert.NotNull(failing.Finding.Observed);
    }

    [Fact]
    public async Task A_whitespace_only_difference_carries_a_unified_diff_in_the_claim()
    {
        var report = await RunPairAsync(TestProtocol.MiddlewareHeavy, Flaw.WhitespaceInEcho, middleware: true);

        var claim = report.Claims.Single(c => c.ClaimId == "C03");
        var diff = Assert.Single(claim.Diffs);
        Assert.StartsWith("--- middleware_heavy\n+++ fastapi_middleware_heavy\n@@ -1,1 +1,1 @@\n-{\"name\":\"", diff, StringComparison.Ordinal);
        Assert.Contains("\n+{\"name\": \"", diff, StringComparison.Ordinal);
        Assert.Equal(2, claim.Observations.Length);
    }

    [Fact]
    public async Task A_conforming_constrained_server_refuses_overload_and_recovers()
    {
        await using var app = await FakeApp.StartAsync(maxInFlight: 4);

        var result = await BackpressureCheck.RunAsync(app.BaseUri, Plan(recoverySeconds: 5), "aspnet", CancellationToken.None);

        Assert.All(result.Findings, f => Assert.Equal(ParityStatus.Pass, f.Status));
        Assert.Equal(4, result.Observation.Holds.Length);
        Assert.Contains(result.Observation.Probes, p => p.Status == 503);
        Assert.NotNull(result.Observation.RecoveredAfter);
    }

    [Fact]
    public async Task A_server_with_no_overload_status_fails_C05()
    {
        await using var app = await FakeApp.StartAsync(Flaw.NoOverloadStatus, maxInFlight: 4);

        var result = await BackpressureCheck.RunAsync(app.BaseUri, Plan(recoverySeconds: 5), "fastapi", CancellationToken.None);

        var overload = result.Findings.Single("backpressure.overload", ParityStatus.Fail);
        Assert.StartsWith("no 503 with 4 holds in flight: ", overload.Message, StringComparison.Ordinal);
        Assert.Equal("503 within 0.5 s", overload.Expected);
        Assert.Equal(ParityStatus.Pass, result.Findings.Single(f => f.Check == "backpressure.recovery").Status);
    }

    [Fact]
    public async Task A_server_that_never_recovers_after_overload_fails_C05()
    {
        await using var app = await FakeApp.StartAsync(Flaw.NeverRecovers, maxInFlight: 4);

        var result = await BackpressureCheck.RunAsync(app.BaseUri, Plan(recoverySeconds: 1), "fastapi", CancellationToken.None);

        Assert.Equal(ParityStatus.Pass, result.Findings.Single(f => f.Check == "backpressure.overload").Status);
        var recovery = result.Findings.Single("backpressure.recovery", ParityStatus.Fail);
        Assert.StartsWith("/healthz did not answer 200 within 1 s after the holds ended", recovery.Message, StringComparison.Ordinal);
        Assert.All(result.Observation.RecoveryPolls, p => Assert.Equal(503, p.Status));
        Assert.Null(result.Observation.RecoveredAfter);
    }

    private static BackpressurePlan Plan(double recoverySeconds) =>
        BackpressurePlan.From(TestProtocol.Parity(recoverySeconds), TestProtocol.Constrained(), "/healthz");

    private static async Task<ParityReport> RunPairAsync(PairDefinition pair, Flaw flaw, bool middleware)
    {
        await using var candidate = await FakeApp.StartAsync(middleware: middleware);
        await using var reference = await FakeApp.StartAsync(flaw, middleware);
        var full = TestProtocol.Build();
        var protocol = full with { Pairs = [pair], ClaimTargets = [.. full.ClaimTargets.Where(c => c.Pair == pair.Name)] };
        var result = await ParityGate.CheckPairAsync(
            protocol, pair, Record(pair.CandidateProfile, candidate), Record(pair.ReferenceProfile, reference), Timeout, CancellationToken.None);
        return ReportAssembler.Assemble(protocol, DateTimeOffset.UtcNow, TimeSpan.Zero, [result], []);
    }

    private static ServerRecord Record(string profile, FakeApp app) =>
        new($"fake-{profile}", profile, profile.StartsWith("fastapi", StringComparison.Ordinal) ? "fastapi" : "aspnet", false, app.BaseUri.ToString(), null, null, null, null);
}
