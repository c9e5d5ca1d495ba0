using System.Collections.Immutable;
using Faceoff.Protocol.Model;
using Faceoff.Targets.Prepare;
using Faceoff.Targets.Tests.Support;

namespace Faceoff.Targets.Tests;

public sealed class PrepareTests
{
    [Fact]
    public async Task Prepare_builds_resolves_python_and_the_result_launches_a_server()
    {
        using var dir = new TempDir();
        var built = Path.Combine(dir.Path, "built.txt");
        var builder = Servers.Framework("sh", [], build: Command("sh", "-c", $"echo building-now; echo done > {built}"));
        var httpServer = Servers.Framework(
            "{python}", ["-m", "http.server", "{port}", "--bind", "{host}"], runtime: RuntimeKind.Python, requiredModules: ["json"]);
        var python = httpServer with { Id = "pyfw" };
        var preparer = new EnvironmentPreparer(new PythonResolver(name => name == "FACEOFF_PYFW_PYTHON" ? Servers.Python : null));

        var result = await preparer.PrepareAsync([builder, python], Options(dir), CancellationToken.None);

        Assert.True(result.Succeeded, $"{result.Failure}\n{result.LogTail}");
        var env = result.Environment!;
        var build = env.Frameworks["testfw"].Build;
        Assert.Equal((false, 0), (build.Skipped, build.ExitCode));
        Assert.True(File.Exists(built));
        Assert.Contains("building-now", File.ReadAllText(build.LogPath!), StringComparison.Ordinal);
        Assert.Equal(Servers.Python, env.Frameworks["pyfw"].Placeholders["python"]);
        Assert.Equal(Path.GetFullPath(dir.Path), env.Frameworks["pyfw"].Placeholders["protocol_dir"]);
        Assert.Equal("json", Assert.Single(env.Versions.PythonPackages).Key);

        var launch = Servers.Launch(python, dir, placeholders: env.Frameworks["pyfw"].Placeholders);
        await using var server = await Servers.StartAsync(launch);
        Assert.Contains($"{Servers.Python} -m http.server {launch.Port}", server.CommandLine, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("faceoff-no-such-runtime", "the start command of 'testfw', 'faceoff-no-such-runtime', was not found on PATH")]
    [InlineData("{protocol_dir}/bin/server", "the start command of 'testfw', '{dir}/bin/server', does not exist or is not executable")]
    public async Task A_start_command_that_cannot_run_stops_prepare_before_anything_starts(string command, string expected)
    {
        using var dir = new TempDir();
        var framework = Servers.Framework(command, ["--port", "{port}"]);

        var result = await new EnvironmentPreparer().PrepareAsync([framework], Options(dir), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(expected.Replace("{dir}", Path.GetFullPath(dir.Path), StringComparison.Ordinal), result.Failure);
    }

    [Fact]
    public async Task A_start_command_the_build_creates_is_found_after_the_build()
    {
        using var dir = new TempDir();
        var framework = Servers.Framework("{protocol_dir}/server", [],
            build: Command("sh", "-c", $"printf '#!/bin/sh\\n' > {dir.Path}/server && chmod +x {dir.Path}/server"));

        var result = await new EnvironmentPreparer().PrepareAsync([framework], Options(dir), CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task A_failing_build_stops_prepare_with_the_log_tail()
    {
        using var dir = new TempDir();
        var framework = Servers.Framework("sh", [], build: Command("sh", "-c", "echo broken-marker >&2; exit 2"));

        var result = await new EnvironmentPreparer().PrepareAsync([framework], Options(dir), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("build of 'testfw' failed with exit code 2", result.Failure, StringComparison.Ordinal);
        Assert.Contains("broken-marker", result.LogTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_build_command_that_does_not_exist_is_a_failure_not_an_exception()
    {
        using var dir = new TempDir();
        var framework = Servers.Framework("sh", [], build: Command("faceoff-no-such-builder"));

        var result = await new EnvironmentPreparer().PrepareAsync([framework], Options(dir), CancellationToken.None);

        Assert.Contains("build of 'testfw' could not run or timed out", result.Failure, StringComparison.Ordinal);
        Assert.Contains("could not start 'faceoff-no-such-builder'", result.LogTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skipping_the_build_runs_nothing()
    {
        using var dir = new TempDir();
        var framework = Servers.Framework("sh", [], build: Command("sh", "-c", "exit 9"));

        var result = await new EnvironmentPreparer().PrepareAsync([framework], Options(dir) with { SkipBuild = true }, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.True(result.Environment!.Frameworks["testfw"].Build.Skipped);
    }

    [Fact]
    public async Task A_python_framework_without_a_usable_python_stops_prepare_with_the_install_hint()
    {
        using var dir = new TempDir();
        var framework = Servers.Framework("{python}", [], runtime: RuntimeKind.Python, requiredModules: ["faceoff_missing_mod"]);
        var preparer = new EnvironmentPreparer(new PythonResolver(name => name == "PATH" ? dir.Path : null, Servers.Python));

        var result = await preparer.PrepareAsync([framework], Options(dir), CancellationToken.None);

        Assert.Contains("apt-get install python3-faceoff_missing_mod", result.Failure, StringComparison.Ordinal);
    }

    private static CommandSpec Command(string command, params string[] args) =>
        new(command, [.. args], ImmutableDictionary<string, string>.Empty, null);

    private static PrepareOptions Options(TempDir dir) => new(dir.Path, Path.Combine(dir.Path, "logs"))
    {
        RepositoryDirectory = dir.Path,
        CreateVenvIfMissing = false,
    };
}
