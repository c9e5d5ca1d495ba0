using Faceoff.Targets.Prepare;
using Faceoff.Testing;

namespace Faceoff.Targets.Tests;

public sealed class SystemFactsTests
{
    private static readonly string RepositoryRoot = TestRepository.Root;

    [Fact]
    public async Task Versions_of_dotnet_git_python_packages_kernel_and_os_are_recorded()
    {
        string[] packages = ["fastapi", "uvicorn", "uvloop", "httptools"];
        var versions = await SystemFacts.CollectVersionsAsync("/usr/bin/python3", packages, RepositoryRoot, CancellationToken.None);

        Assert.StartsWith(".NET 10.", versions.DotnetRuntime, StringComparison.Ordinal);
        Assert.Matches(@"^\d+\.\d+\.\d+", versions.DotnetSdk);
        Assert.StartsWith("0.", versions.FaceoffVersion, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{40}$", versions.GitSha);
        Assert.NotNull(versions.GitDirty);
        Assert.Matches(@"^3\.\d+\.\d+$", versions.Python);
        Assert.Equal("/usr/bin/python3", versions.PythonExecutable);
        Assert.All(packages, name => Assert.Matches(@"^\d+\.", versions.PythonPackages[name]));
        // Direct dependencies come along, so the report names the starlette FastAPI actually ran on.
        Assert.Contains("starlette", versions.PythonPackages.Keys);
        Assert.Equal(File.ReadAllText("/proc/sys/kernel/osrelease").Trim(), versions.Kernel);
        Assert.NotEqual(SystemFacts.Unknown, versions.Os);
    }

    [Fact]
    public async Task Outside_a_git_checkout_the_sha_is_unknown_and_missing_packages_say_so()
    {
        var versions = await SystemFacts.CollectVersionsAsync("/usr/bin/python3", ["faceoff_missing_pkg"], "/", CancellationToken.None);

        Assert.Equal(SystemFacts.Unknown, versions.GitSha);
        Assert.Null(versions.GitDirty);
        Assert.Equal("not installed", versions.PythonPackages["faceoff_missing_pkg"]);
    }

    [Fact]
    public void Machine_facts_come_from_proc()
    {
        var machine = SystemFacts.CollectMachine();

        Assert.NotEqual(SystemFacts.Unknown, machine.CpuModel);
        Assert.Equal(File.ReadAllLines("/proc/cpuinfo").Count(l => l.StartsWith("processor", StringComparison.Ordinal)), machine.LogicalCores);
        Assert.True(machine.MemoryKib > 100_000);
        Assert.Equal(SystemFacts.Kernel(), machine.Kernel);
        Assert.False(string.IsNullOrEmpty(machine.Architecture));
    }
}
