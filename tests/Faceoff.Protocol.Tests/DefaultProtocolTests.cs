using System.Text.Json;
using Faceoff.Protocol.Model;

namespace Faceoff.Protocol.Tests;

public sealed class DefaultProtocolTests
{
    private static readonly CampaignProtocol Protocol = LoadDefault();

    [Fact]
    public void Pairs_have_their_profiles_and_fixed_ports()
    {
        Assert.Equal(
            [("comparison_http", "comparison_http", "fastapi_comparison_http", 3301, 3311), ("middleware_heavy", "middleware_heavy", "fastapi_middleware_heavy", 3302, 3312)],
            Protocol.Pairs.Select(pair => (pair.Name, pair.CandidateProfile, pair.ReferenceProfile, pair.CandidatePort, pair.ReferencePort)));
        Assert.All(Protocol.Pairs, pair => Assert.True(pair.ConcurrencyLadder.IsEmpty));
        Assert.All(Protocol.Pairs, pair => Assert.Equal([1, 4, 8, 16, 32], Protocol.LadderFor(pair).ToArray()));
        Assert.Equal(2, Protocol.SourceSchemaVersion);
        Assert.False(Protocol.IsMappedFromV1);
        Assert.Equal("127.0.0.1", Protocol.Host);
    }

    [Fact]
    public void Claims_and_scenarios_per_pair_match_the_product()
    {
        Assert.Equal(
            [new ClaimTarget("C01", "comparison_http", "healthz"), new ClaimTarget("C02", "comparison_http", "api_status"), new ClaimTarget("C03", "middleware_heavy", "api_echo")],
            Protocol.ClaimTargets.ToArray());
        Assert.Equal(["healthz", "api_status", "root"], Protocol.ScenariosFor(Protocol.Pairs[0]).Select(s => s.Id));
        Assert.Equal(["healthz", "api_status_middleware", "api_echo", "root"], Protocol.ScenariosFor(Protocol.Pairs[1]).Select(s => s.Id));
    }

    [Fact]
    public void Contracts_are_read_completely()
    {
        var healthz = Protocol.Scenarios["healthz"];
        Assert.Equal(("GET", "/healthz", 200, "text/plain", "ok\n"), (healthz.Method, healthz.Path, healthz.Contract.Status, healthz.Contract.MediaType, healthz.Contract.ExactBody));

        var status = Protocol.Scenarios["api_status"].Contract.Json!;
        Assert.Equal(JsonType.Boolean, status.RequiredKeys["ok"]);
        Assert.Equal(JsonType.Number, status.RequiredKeys["timestamp"]);
        Assert.Equal("true", status.ExactValues["ok"]);
        Assert.Equal(["server", "timestamp"], status.VolatileFields.ToArray());

        var middleware = Protocol.Scenarios["api_status_middleware"].Contract;
        Assert.Equal(11, middleware.RequiredHeaders.Length);
        Assert.Equal(new HeaderRequirement("x-content-type-options", "^nosniff$"), middleware.RequiredHeaders[4]);
        Assert.Contains("<h1>Faceoff Reference App</h1>", Protocol.Scenarios["root"].Contract.BodySubstrings);
        Assert.StartsWith("\"benchmark_payload_", Protocol.Scenarios["api_echo"].Contract.Json!.ExactValues["name"], StringComparison.Ordinal);
    }

    [Fact]
    public void Frameworks_expand_protocol_dir_and_keep_runner_placeholders()
    {
        var aspnet = Protocol.Frameworks["aspnet"];
        Assert.Equal(RuntimeKind.Dotnet, aspnet.Runtime);
        Assert.Equal(Path.Combine(TestFiles.RepoRoot, "build", "apps", "aspnet", "faceoff-refapp-aspnet.dll"), aspnet.Start.Args[0]);
        Assert.Equal("http://{host}:{port}", aspnet.Start.Args[2]);
        Assert.Equal(new ConstrainedVariant(aspnet.Constrained!.Env, [], 4, 503), aspnet.Constrained);

        var fastapi = Protocol.Frameworks["fastapi"];
        Assert.Equal(("{python}", RuntimeKind.Python), (fastapi.Start.Command, fastapi.Runtime));
        Assert.Equal(Path.Combine(TestFiles.RepoRoot, "apps", "fastapi"), fastapi.Start.WorkingDir);
        Assert.Equal(["fastapi", "uvicorn", "uvloop", "httptools"], fastapi.RequiredModules.ToArray());
        Assert.Equal(new ReadinessProbe("/healthz", 30), fastapi.Readiness);
    }

    [Fact]
    public void Plans_and_settings_come_from_the_file_so_nothing_is_recorded_as_an_override()
    {
        // Pass sizes are tuned in the file; compare with what it says rather than with copies of the numbers.
        using var raw = JsonDocument.Parse(File.ReadAllText(TestFiles.DefaultProtocol));
        var measured = raw.RootElement.GetProperty("measured");
        var warmup = raw.RootElement.GetProperty("warmup");
        var stable = warmup.GetProperty("until_stable");
        Assert.Equal(new PassPlan(null, measured.GetProperty("duration_seconds").GetDouble(), measured.GetProperty("repeats").GetInt32(),
            measured.GetProperty("launches").GetInt32()), Protocol.Measured);
        Assert.Equal(
            new WarmupPlan(
                new PassPlan(null, warmup.GetProperty("duration_seconds").GetDouble(), warmup.GetProperty("repeats").GetInt32()),
                new StabilityRule(stable.GetProperty("window_seconds").GetDouble(), stable.GetProperty("max_cv").GetDouble(), stable.GetProperty("max_seconds").GetDouble(), stable.GetProperty("pass_seconds").GetDouble())),
            Protocol.Warmup);
        Assert.Equal(new ReproducibilityBounds(0.4), Protocol.Reproducibility);
        Assert.Equal(new ParitySettings(CharsetRule.Ignore, "healthz", "/hold", 1.0, 0.5, 5, 100), Protocol.Parity);
        Assert.Equal(new ComparisonSettings(0.95, 0.05), Protocol.Comparison);
        Assert.Empty(Protocol.Overrides);
    }

    private static CampaignProtocol LoadDefault()
    {
        var result = TestFiles.Load(TestFiles.DefaultProtocol);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Protocol!;
    }
}
