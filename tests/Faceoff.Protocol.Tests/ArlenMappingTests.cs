using Faceoff.Protocol.Loading;

namespace Faceoff.Protocol.Tests;

/// <summary>
/// {arlen_home} and the seed's v1 file: from a built Arlen tree the v1 profiles run Arlen itself (through
/// protocols/examples/arlen-vs-fastapi.json); elsewhere they run the default's stand-ins, and say so.
/// </summary>
public sealed class ArlenMappingTests
{
    private static string ArlenExample => Path.Combine(TestFiles.RepoRoot, "protocols", "examples", "arlen-vs-fastapi.json");

    [Fact]
    public void The_v1_file_inside_a_built_Arlen_tree_runs_that_trees_boomhauer_and_reference_app()
    {
        var tree = FakeArlenTree(built: true);
        var v1 = Path.Combine(tree, "tests", "performance", "protocols", "phased_baseline_campaign.json");
        File.Copy(TestFiles.SeedV1Protocol, v1);

        var result = TestFiles.Load(v1);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var protocol = result.Protocol!;
        Assert.Equal(ArlenExample, protocol.BaseProtocolPath);
        Assert.Equal(Path.Combine(tree, "build", "boomhauer"), protocol.Frameworks[protocol.Profiles["comparison_http"].FrameworkId].Start.Command);
        Assert.Contains(Path.Combine(tree, "tests", "performance", "fastapi_reference"), protocol.Frameworks["fastapi"].Start.Args);
        Assert.Equal(["--env", "production"], protocol.Profiles["comparison_http"].Args.ToArray());
        Assert.Equal("1", protocol.Profiles["middleware_heavy"].Env["ARLEN_CSRF_ENABLED"]);
        Assert.StartsWith($"Arlen itself from {tree}", protocol.V1Mapping, StringComparison.Ordinal);
        Assert.Contains(result.Notices, notice => notice.Contains("Arlen itself", StringComparison.Ordinal));
        Assert.Equal([1, 4], protocol.LadderFor(protocol.Pairs[1]).ToArray());
        Assert.Equal(new Model.PassPlan(120, null, 3), protocol.Measured);
    }

    [Fact]
    public void The_v1_file_outside_an_Arlen_tree_runs_the_stand_ins_and_says_which()
    {
        var result = TestFiles.Load(TestFiles.SeedV1Protocol);

        var protocol = result.Protocol!;
        Assert.Equal(TestFiles.DefaultProtocol, protocol.BaseProtocolPath);
        Assert.Contains("NOT Arlen", protocol.V1Mapping, StringComparison.Ordinal);
        Assert.Contains("comparison_http → aspnet (ASP.NET Core", protocol.V1Mapping, StringComparison.Ordinal);
        Assert.Contains(result.Notices, notice => notice.Contains("NOT Arlen", StringComparison.Ordinal) && notice.Contains("FACEOFF_ARLEN_HOME", StringComparison.Ordinal));
        var campaign = Summary.ProtocolSummary.For(protocol).Tables[0];
        Assert.Contains(campaign.Rows, row => row[0] == "v1 profiles run" && row[1] == protocol.V1Mapping);
    }

    [Fact]
    public void FACEOFF_ARLEN_HOME_names_the_tree_the_v1_file_runs()
    {
        var tree = FakeArlenTree(built: true);

        var protocol = TestFiles.Load(TestFiles.SeedV1Protocol, arlenHome: tree).Protocol!;

        Assert.Equal(ArlenExample, protocol.BaseProtocolPath);
        Assert.Equal(Path.Combine(tree, "build", "boomhauer"), protocol.Frameworks["arlen"].Start.Command);
        Assert.Equal(tree, protocol.Frameworks["arlen"].Start.WorkingDir);
    }

    [Fact]
    public void An_Arlen_home_without_boomhauer_is_an_error_not_a_silent_stand_in()
    {
        var tree = FakeArlenTree(built: false);

        var result = TestFiles.Load(TestFiles.SeedV1Protocol, arlenHome: tree);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains($"FACEOFF_ARLEN_HOME={tree} is not a built Arlen tree", error.Message, StringComparison.Ordinal);
        Assert.Contains("make arlen", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arlen_home_in_a_v2_file_without_any_build_is_located_and_names_make_arlen()
    {
        var copy = TestFiles.WriteTemp(File.ReadAllText(ArlenExample));

        var result = TestFiles.Load(copy, searchFrom: Path.GetDirectoryName(copy));

        Assert.False(result.Succeeded);
        Assert.All(result.Errors, error => Assert.Contains("no Arlen build for {arlen_home}: run `make arlen`", error.Message, StringComparison.Ordinal));
        Assert.Contains(result.Errors, error => error.JsonPath == "$.frameworks.arlen.start.command" && error.Line > 0);
    }

    [Fact]
    public void Arlen_home_in_a_v2_file_expands_to_the_named_tree()
    {
        var tree = FakeArlenTree(built: true);

        var protocol = TestFiles.Load(ArlenExample, arlenHome: tree).Protocol!;

        Assert.Equal(Path.Combine(tree, "build", "boomhauer"), protocol.Frameworks["arlen"].Start.Command);
        Assert.Null(protocol.V1Mapping);
        Assert.Equal(["C01", "C02", "C03"], protocol.ClaimTargets.Select(claim => claim.ClaimId));
    }

    private static string FakeArlenTree(bool built)
    {
        var root = Directory.CreateTempSubdirectory("faceoff-arlen-tree-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "build"));
        Directory.CreateDirectory(Path.Combine(root, "tests", "performance", "fastapi_reference"));
        Directory.CreateDirectory(Path.Combine(root, "tests", "performance", "protocols"));
        File.WriteAllText(Path.Combine(root, ArlenHomeLocator.ReferenceApp), "# reference app stand-in for path checks\n");
        if (built)
        {
            File.WriteAllText(Path.Combine(root, ArlenHomeLocator.Boomhauer), "#!/bin/sh\n");
        }

        return root;
    }
}
