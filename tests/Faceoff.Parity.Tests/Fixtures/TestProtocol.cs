using System.Collections.Immutable;
using Faceoff.Protocol.Model;

namespace Faceoff.Parity.Tests.Fixtures;

/// <summary>The default protocol's scenarios, profiles and pairs, built in memory so check tests need no loader and no files.</summary>
public static class TestProtocol
{
    public static readonly ScenarioDefinition Healthz = Scenario("healthz", "/healthz", new ScenarioContract(200, "text/plain", "ok\n", null, [], []));

    public static readonly ScenarioDefinition ApiStatus = Scenario("api_status", "/api/status", new ScenarioContract(
        200,
        "application/json",
        null,
        new JsonContract(Keys(("server", JsonType.String), ("ok", JsonType.Boolean), ("timestamp", JsonType.Number)), Values(("ok", "true")), ["server", "timestamp"]),
        [],
        []));

    public static readonly ScenarioDefinition ApiEcho = Scenario("api_echo", $"/api/echo/{FakeApp.EchoName}", new ScenarioContract(
        200,
        "application/json",
        null,
        new JsonContract(Keys(("name", JsonType.String), ("path", JsonType.String)), Values(("name", $"\"{FakeApp.EchoName}\""), ("path", $"\"/api/echo/{FakeApp.EchoName}\"")), []),
        [],
        []));

    public static readonly ScenarioDefinition Root = Scenario("root", "/", new ScenarioContract(
        200, "text/html", null, null, [], ["<h1>Faceoff Reference App</h1>", "template:multiline-ok", "<a href=\"/\">Home</a>", "<a href=\"/about\">About</a>"]));

    public static readonly ScenarioDefinition ApiStatusMiddleware = Scenario("api_status_middleware", "/api/status", new ScenarioContract(
        200,
        "application/json",
        null,
        new JsonContract(Keys(("server", JsonType.String), ("ok", JsonType.Boolean), ("timestamp", JsonType.Number)), ImmutableDictionary<string, string>.Empty, ["server", "timestamp"]),
        [
            new("content-security-policy", null), new("cross-origin-opener-policy", null), new("cross-origin-resource-policy", null),
            new("referrer-policy", null), new("x-content-type-options", "^nosniff$"), new("x-frame-options", null),
            new("x-permitted-cross-domain-policies", null), new("x-request-id", null), new("x-correlation-id", null), new("x-trace-id", null),
            new("traceparent", "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$"),
        ],
        []));

    public static readonly PairDefinition ComparisonHttp = new("comparison_http", "comparison_http", "fastapi_comparison_http", 3301, 3311, []);

    public static readonly PairDefinition MiddlewareHeavy = new("middleware_heavy", "middleware_heavy", "fastapi_middleware_heavy", 3302, 3312, []);

    public static ParitySettings Parity(double recoveryTimeoutSeconds = 5) =>
        new(CharsetRule.Ignore, "healthz", "/hold", 1.0, 0.5, recoveryTimeoutSeconds, 100);

    public static ConstrainedVariant Constrained(int maxInFlight = 4) => new(ImmutableDictionary<string, string>.Empty, [], maxInFlight, 503);

    public static CampaignProtocol Build(ParitySettings? parity = null)
    {
        ImmutableArray<ScenarioDefinition> scenarios = [Healthz, ApiStatus, ApiEcho, Root, ApiStatusMiddleware];
        var start = new CommandSpec("true", [], ImmutableDictionary<string, string>.Empty, null);
        FrameworkDefinition Framework(string id) =>
            new(id, id, RuntimeKind.None, null, start, new ReadinessProbe("/healthz", 30), Constrained(), []);
        ProfileDefinition Profile(string id, string framework, params string[] served) =>
            new(id, framework, ImmutableDictionary<string, string>.Empty, [], [.. served]);
        return new CampaignProtocol
        {
            SourceSchemaVersion = 2,
            Name = "parity_test",
            SourcePath = "/dev/null/parity_test.json",
            Host = "127.0.0.1",
            Frameworks = new[] { Framework("aspnet"), Framework("fastapi") }.ToImmutableDictionary(f => f.Id),
            Scenarios = scenarios.ToImmutableDictionary(s => s.Id),
            Profiles = new[]
            {
                Profile("comparison_http", "aspnet", "healthz", "api_status", "root"),
                Profile("fastapi_comparison_http", "fastapi", "healthz", "api_status", "root"),
                Profile("middleware_heavy", "aspnet", "healthz", "api_status_middleware", "api_echo", "root"),
                Profile("fastapi_middleware_heavy", "fastapi", "healthz", "api_status_middleware", "api_echo", "root"),
            }.ToImmutableDictionary(p => p.Id),
            Pairs = [ComparisonHttp, MiddlewareHeavy],
            ClaimTargets = [new("C01", "comparison_http", "healthz"), new("C02", "comparison_http", "api_status"), new("C03", "middleware_heavy", "api_echo")],
            ConcurrencyLadder = [1, 4],
            Warmup = new WarmupPlan(new PassPlan(null, 1, 1), null),
            Measured = new PassPlan(null, 2, 3),
            Reproducibility = new ReproducibilityBounds(0.4),
            Parity = parity ?? Parity(),
            Comparison = new ComparisonSettings(0.95, 0.05),
        };
    }

    private static ScenarioDefinition Scenario(string id, string path, ScenarioContract contract) =>
        new(id, null, "GET", path, ImmutableDictionary<string, string>.Empty, null, contract);

    private static ImmutableDictionary<string, JsonType> Keys(params (string Key, JsonType Type)[] keys) =>
        keys.ToImmutableDictionary(k => k.Key, k => k.Type);

    private static ImmutableDictionary<string, string> Values(params (string Key, string Raw)[] values) =>
        values.ToImmutableDictionary(v => v.Key, v => v.Raw);
}
