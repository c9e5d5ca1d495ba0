using System.Text.Json;
using Faceoff.Parity.Tests.Fixtures;
using Faceoff.Targets;

namespace Faceoff.Parity.Tests;

/// <summary>The whole gate: protocol file, Targets prepare and launcher, real servers, report. Slow, so few.</summary>
[Collection(nameof(GateTests))]
public class GateTests
{
    [Fact]
    public async Task The_reference_apps_pass_every_check_in_every_mode()
    {
        var protocol = GateSetup.Load(GateSetup.ProtocolPath("protocols", "default.json"));
        var logs = GateSetup.TempDirectory();
        var environment = await GateSetup.PrepareAsync(protocol, logs);

        var report = await ParityGate.RunAsync(protocol, environment, new ParityOptions(logs), CancellationToken.None);

        Assert.True(report.Status == ParityStatus.Pass, report.FirstFailure ?? string.Join("\n", report.Warnings));
        Assert.Equal(["C01", "C02", "C03", "C04", "C05"], report.Claims.Select(c => c.ClaimId));
        Assert.All(report.Claims, c => Assert.Equal(ParityStatus.Pass, c.Status));
        Assert.Equal(["comparison_http", "middleware_heavy"], report.Pairs.Select(p => p.Name));
        Assert.Equal(["aspnet", "fastapi"], report.Frameworks.Select(f => f.Framework));
        Assert.All(report.Frameworks, f => Assert.Contains(f.BackpressureObservation!.Probes, p => p.Status == 503));
        Assert.All(report.Pairs.SelectMany(p => new[] { p.Candidate, p.Reference }), s => Assert.True(File.Exists(s.LogPath)));
        Assert.Equal(0, ServerRegistry.Count);
    }

    [Fact]
    public async Task A_protocol_with_a_broken_reference_fails_and_the_summary_names_the_first_difference()
    {
        var protocol = GateSetup.Load(GateSetup.ProtocolPath("tests", "Faceoff.Parity.Tests", "Protocols", "broken_reference.json"));
        var logs = GateSetup.TempDirectory();
        var environment = await GateSetup.PrepareAsync(protocol, logs);

        var report = await ParityGate.RunAsync(protocol, environment, new ParityOptions(logs), CancellationToken.None);
        var written = await ParityReportJson.WriteAsync(report, Path.Combine(logs, "parity_report.json"), CancellationToken.None);

        Assert.Equal(ParityStatus.Fail, report.Status);
        Assert.Equal("FAIL C02 comparison_http/api_status json.required_keys: fastapi_comparison_http: key \"ok\" missing (expected boolean)", report.FirstFailure);
        Assert.Equal(ParityStatus.Pass, report.Claims.Single(c => c.ClaimId == "C01").Status);
        Assert.Equal(ParityStatus.Pass, report.Claims.Single(c => c.ClaimId == "C04").Status);
        Assert.Equal(ParityStatus.Warn, report.Claims.Single(c => c.ClaimId == "C05").Status);
        Assert.Contains(report.Warnings, w => w.StartsWith("WARN C05 aspnet/constrained backpressure.variant", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(written));
        Assert.Equal("fail", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(report.FirstFailure, json.RootElement.GetProperty("first_failure").GetString());
        var c02 = json.RootElement.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("claim_id").GetString() == "C02");
        Assert.Equal(2, c02.GetProperty("observations").GetArrayLength());
        Assert.Equal(2, c02.GetProperty("log_paths").GetArrayLength());
        Assert.Equal(0, ServerRegistry.Count);
    }
}
