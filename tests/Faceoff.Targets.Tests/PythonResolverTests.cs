using Faceoff.Targets.Prepare;
using Faceoff.Targets.Tests.Support;

namespace Faceoff.Targets.Tests;

/// <summary>Every candidate is injected (environment, system path, PATH), so the machine's own Pythons never decide.</summary>
public sealed class PythonResolverTests
{
    private const string Module = "faceoff_probe_mod";

    [Fact]
    public void The_override_variable_is_named_after_the_framework() =>
        Assert.Equal("FACEOFF_FASTAPI_PYTHON", PythonResolver.OverrideVariable("fastapi"));

    [Fact]
    public async Task A_candidate_lacking_a_module_is_rejected_with_the_reason_and_the_next_one_is_used()
    {
        using var dir = new TempDir();
        var plain = dir.Script("plain-python", $"exec {Servers.Python} \"$@\"");
        var withModule = WithModule(dir);
        var resolver = new PythonResolver(Env(dir, ("FACEOFF_TESTFW_PYTHON", plain)), withModule);

        var resolution = await resolver.ResolveAsync(Request(dir), CancellationToken.None);

        Assert.Equal(withModule, resolution.Python);
        Assert.Matches(@"^3\.\d+\.\d+", resolution.Version);
        Assert.Null(resolution.Failure);
        Assert.Collection(
            resolution.Candidates,
            c =>
            {
                Assert.Equal(("FACEOFF_TESTFW_PYTHON", plain, false), (c.Source, c.Path, c.Accepted));
                Assert.Contains($"cannot import {Module} (ModuleNotFoundError: No module named '{Module}')", c.Reason, StringComparison.Ordinal);
            },
            c => Assert.Equal(("venv", null, "not set"), (c.Source, c.Path, c.Reason)),
            c => Assert.Equal(("system", withModule, true, null), (c.Source, c.Path, c.Accepted, c.Reason)));
    }

    [Fact]
    public async Task When_nothing_fits_the_message_lists_every_candidate_and_exactly_what_to_install()
    {
        using var dir = new TempDir();
        var broken = dir.Script("broken-python", "echo not really python >&2; exit 1");
        dir.Script("bin/python3", $"exec {Servers.Python} \"$@\"");
        Directory.CreateDirectory(Path.Combine(dir.Path, "empty-venv"));
        var resolver = new PythonResolver(Env(dir, ("FACEOFF_TESTFW_PYTHON", "/nonexistent/python")), broken);

        var resolution = await resolver.ResolveAsync(
            Request(dir) with { VenvPath = Path.Combine(dir.Path, "empty-venv"), RequirementsPath = "apps/x/requirements.txt" },
            CancellationToken.None);

        Assert.Null(resolution.Python);
        Assert.Equal([false, false, false, false], resolution.Candidates.Select(c => c.Accepted));
        var message = resolution.Failure!;
        Assert.Contains($"No Python for 'testfw' can import json, {Module}", message, StringComparison.Ordinal);
        Assert.Contains("FACEOFF_TESTFW_PYTHON (/nonexistent/python): not found", message, StringComparison.Ordinal);
        Assert.Contains("venv (" + Path.Combine(dir.Path, "empty-venv", "bin", "python") + "): not found", message, StringComparison.Ordinal);
        Assert.Contains($"system ({broken}): does not run as Python (exit code 1: not really python)", message, StringComparison.Ordinal);
        Assert.Contains($"PATH ({Path.Combine(dir.Path, "bin", "python3")}): Python 3.", message, StringComparison.Ordinal);
        Assert.Contains($"apt-get install python3-json python3-{Module}", message, StringComparison.Ordinal);
        Assert.Contains("pip install -r apps/x/requirements.txt", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interpreter_named_twice_is_probed_once()
    {
        using var dir = new TempDir();
        var plain = dir.Script("plain-python", $"exec {Servers.Python} \"$@\"");
        var resolver = new PythonResolver(Env(dir, ("FACEOFF_TESTFW_PYTHON", plain)), plain);

        var resolution = await resolver.ResolveAsync(Request(dir), CancellationToken.None);

        var system = resolution.Candidates.Single(c => c.Source == "system");
        Assert.StartsWith("same interpreter as FACEOFF_TESTFW_PYTHON: Python 3.", system.Reason, StringComparison.Ordinal);
        Assert.Contains($"cannot import {Module}", system.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_fitting_candidate_a_venv_is_created_and_the_requirements_installed()
    {
        using var dir = new TempDir();
        // Without site-packages this interpreter cannot import pip; a fresh venv (pip bundled via ensurepip) can.
        var bare = dir.Script("bare-python", $"exec {Servers.Python} -S \"$@\"");
        var requirements = dir.File("requirements.txt", "# nothing to download\n");
        var venv = Path.Combine(dir.Path, "venv");
        var resolver = new PythonResolver(Env(dir), bare);

        var resolution = await resolver.ResolveAsync(
            new PythonRequest("testfw", ["pip"], venv, requirements, CreateVenv: true, dir.Path), CancellationToken.None);

        Assert.True(resolution.Succeeded, resolution.Failure);
        Assert.Equal(Path.Combine(venv, "bin", "python"), resolution.Python);
        Assert.Contains("cannot import pip", resolution.Candidates.Single(c => c.Source == "system").Reason, StringComparison.Ordinal);
        Assert.Equal("created venv", resolution.Candidates[^1].Source);
        Assert.True(File.Exists(Path.Combine(dir.Path, "venv-testfw.log")));
    }

    [Fact]
    public async Task A_venv_is_not_created_when_creation_is_off()
    {
        using var dir = new TempDir();
        var venv = Path.Combine(dir.Path, "venv");
        var resolver = new PythonResolver(Env(dir), dir.Script("bare-python", $"exec {Servers.Python} -S \"$@\""));

        var resolution = await resolver.ResolveAsync(
            new PythonRequest("testfw", ["pip"], venv, dir.File("r.txt", ""), CreateVenv: false, dir.Path), CancellationToken.None);

        Assert.False(resolution.Succeeded);
        Assert.False(Directory.Exists(venv));
    }

    /// <summary>An interpreter that can import the probe module (it is on its PYTHONPATH).</summary>
    private static string WithModule(TempDir dir)
    {
        dir.File($"mods/{Module}.py", "VALUE = 1\n");
        return dir.Script("python-with-module", $"PYTHONPATH={dir.Path}/mods exec {Servers.Python} \"$@\"");
    }

    private static PythonRequest Request(TempDir dir) => new("testfw", ["json", Module], null, null, CreateVenv: false, dir.Path);

    /// <summary>An environment with PATH = the temp dir's bin only, plus the given variables.</summary>
    private static Func<string, string?> Env(TempDir dir, params (string Name, string Value)[] variables)
    {
        var env = variables.ToDictionary(v => v.Name, v => v.Value);
        env["PATH"] = Path.Combine(dir.Path, "bin");
        return name => env.GetValueOrDefault(name);
    }
}
