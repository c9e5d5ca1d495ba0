using Faceoff.Protocol.Model;
using Faceoff.Protocol.Overrides;

namespace Faceoff.Protocol.Tests;

public sealed class V1MappingTests
{
    [Fact]
    public void The_seeds_v1_file_maps_onto_the_bundled_default()
    {
        var result = TestFiles.Load(TestFiles.SeedV1Protocol);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var protocol = result.Protocol!;
        Assert.Equal((1, true, TestFiles.DefaultProtocol), (protocol.SourceSchemaVersion, protocol.IsMappedFromV1, protocol.BaseProtocolPath));
        Assert.Equal("phased_baseline_campaign_v1", protocol.Name);
        Assert.Equal(
            [("comparison_http", "comparison_http", "fastapi_comparison_http", 3301, 3311), ("middleware_heavy", "middleware_heavy", "fastapi_middleware_heavy", 3302, 3312)],
            protocol.Pairs.Select(pair => (pair.Name, pair.CandidateProfile, pair.ReferenceProfile, pair.CandidatePort, pair.ReferencePort)));
        Assert.Equal([1, 4, 8, 16, 32], protocol.LadderFor(protocol.Pairs[0]).ToArray());
        Assert.Equal([1, 4], protocol.LadderFor(protocol.Pairs[1]).ToArray());
        Assert.Equal(new PassPlan(120, null, 3), protocol.Measured);
        Assert.Equal(new WarmupPlan(new PassPlan(30, null, 1), null), protocol.Warmup);
        Assert.Equal(["C01", "C02", "C03"], protocol.ClaimTargets.Select(claim => claim.ClaimId));
        Assert.Equal(new ClaimTarget("C03", "middleware_heavy", "api_echo"), protocol.ClaimTargets[2]);
        Assert.Contains(protocol.Scenarios["api_echo"], protocol.ScenariosFor(protocol.Pairs[1]));
    }

    [Fact]
    public void Frameworks_scenarios_and_parity_come_from_the_base()
    {
        var protocol = TestFiles.Load(TestFiles.SeedV1Protocol).Protocol!;
        var basis = TestFiles.Load(TestFiles.DefaultProtocol).Protocol!;

        Assert.Equal(basis.Frameworks.Keys.Order(), protocol.Frameworks.Keys.Order());
        Assert.Equal(basis.Frameworks["aspnet"].Start.Args.ToArray(), protocol.Frameworks["aspnet"].Start.Args.ToArray());
        Assert.Equal(basis.Scenarios.Keys.Order(), protocol.Scenarios.Keys.Order());
        Assert.Equal(basis.Parity, protocol.Parity);
        Assert.Equal(basis.Reproducibility, protocol.Reproducibility);
    }

    [Fact]
    public void An_explicit_base_is_used_instead_of_searching()
    {
        var copy = TestFiles.WriteTemp(File.ReadAllText(TestFiles.DefaultProtocol).Replace("\"max_cv_ratio\": 0.4", "\"max_cv_ratio\": 0.25", StringComparison.Ordinal));
        var inputs = new OverrideInputs(new Dictionary<string, string> { ["FACEOFF_BASE_PROTOCOL"] = copy }, new Dictionary<Knob, string>());

        var protocol = TestFiles.Load(TestFiles.SeedV1Protocol, inputs, searchFrom: Path.GetTempPath()).Protocol!;

        Assert.Equal(copy, protocol.BaseProtocolPath);
        Assert.Equal(0.25, protocol.Reproducibility.MaxCvRatio);
        Assert.Contains(protocol.Overrides, origin => origin is { Setting: "base_protocol", Source: SettingSource.Environment });
    }

    [Fact]
    public void Without_a_base_the_error_says_where_it_looked_and_how_to_give_one()
    {
        var searchFrom = Directory.CreateTempSubdirectory("faceoff-nobase-").FullName;

        var result = TestFiles.Load(TestFiles.SeedV1Protocol, searchFrom: searchFrom);

        var error = Assert.Single(result.Errors);
        Assert.Equal((TestFiles.SeedV1Protocol, 0, "$"), (error.File, error.Line, error.JsonPath));
        Assert.Equal(
            $"a schema-v1 protocol is mapped onto a schema-v2 base, but no protocols/default.json was found at or above {searchFrom}; pass --base FILE or set FACEOFF_BASE_PROTOCOL",
            error.Message);
    }

    [Fact]
    public void A_v1_profile_the_base_does_not_define_is_located_in_the_v1_file()
    {
        var v1 = File.ReadAllText(TestFiles.SeedV1Protocol).Replace("\"fastapi_profile\": \"fastapi_middleware_heavy\"", "\"fastapi_profile\": \"fastapi_heavy\"", StringComparison.Ordinal);

        var result = TestFiles.LoadText(v1);

        var error = Assert.Single(result.Errors);
        Assert.Equal((25, 26, "$.pairs[1].fastapi_profile"), (error.Line, error.Column, error.JsonPath));
        Assert.Equal(
            $"unknown profile \"fastapi_heavy\" in the base protocol {TestFiles.DefaultProtocol} (defined: comparison_http, fastapi_comparison_http, middleware_heavy, fastapi_middleware_heavy)",
            error.Message);
    }

    [Fact]
    public void V1_files_are_checked_against_the_fields_v1_had()
    {
        var v1 = File.ReadAllText(TestFiles.SeedV1Protocol)
            .Replace("\"arlen_port\": 3301", "\"candidate_port\": 3301", StringComparison.Ordinal)
            .Replace("\"requests\": 30,", string.Empty, StringComparison.Ordinal);

        Assert.Equal(
            [
                "6:13: $.warmup: missing required field \"requests\" (expected a positive integer)",
                "19:7: $.pairs[0].candidate_port: unknown field \"candidate_port\" (expected one of: name, arlen_profile, fastapi_profile, arlen_port, fastapi_port, concurrency_ladder)",
                "15:5: $.pairs[0]: missing required field \"arlen_port\" (expected an integer 1-65535)",
            ],
            MiniProtocol.Errors(v1));
    }
}
