namespace Faceoff.Campaign.Tests.EndToEnd;

/// <summary>How scripts/arlen/build.sh fails: the stage, the log tail, and what to install, never a bare exit code.</summary>
public sealed class ArlenBuildScriptTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("faceoff-arlen-cache-").FullName;

    [Fact]
    public async Task A_missing_compiler_package_fails_the_prerequisites_stage_and_names_the_apt_command()
    {
        // clang 99 does not exist, so its packages are missing wherever this runs; NO_INSTALL keeps apt-get out of it.
        var (exit, output) = await ArlenBuild.RunScriptAsync(
            new Dictionary<string, string?>
            {
                ["FACEOFF_ARLEN_CLANG"] = "99",
                ["FACEOFF_ARLEN_NO_INSTALL"] = "1",
                ["FACEOFF_ARLEN_CACHE"] = _cache,
                ["FACEOFF_SOURCES"] = null,
            },
            TimeSpan.FromMinutes(2));

        Assert.True(exit == 1, $"exit {exit}\n{output}");
        Assert.Contains("arlen: [prerequisites] ... FAILED", output, StringComparison.Ordinal);
        Assert.Matches(@"apt-get install -y --no-install-recommends .*clang-99", output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_cache));
    }

    [ArlenFact]
    public async Task A_failing_stage_names_the_stage_shows_its_log_tail_and_what_to_install()
    {
        // The toolchain's packages are present once a build exists; corrupt archives then fail the first stage.
        await ArlenBuild.TreeAsync();
        var sources = Directory.CreateTempSubdirectory("faceoff-arlen-bad-sources-").FullName;
        foreach (var line in File.ReadLines(Path.Combine(Repo.Root, "scripts", "arlen", "sources.lock")).Where(l => !l.StartsWith('#')))
        {
            File.WriteAllText(Path.Combine(sources, line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]), "not an archive");
        }

        var (exit, output) = await ArlenBuild.RunScriptAsync(
            new Dictionary<string, string?> { ["FACEOFF_ARLEN_NO_INSTALL"] = "1", ["FACEOFF_ARLEN_CACHE"] = _cache, ["FACEOFF_SOURCES"] = sources },
            TimeSpan.FromMinutes(2));

        Assert.True(exit == 1, $"exit {exit}\n{output}");
        Assert.Contains("arlen: [sources] ... FAILED", output, StringComparison.Ordinal);
        Assert.Contains("arlen: stage 'sources' failed", output, StringComparison.Ordinal);
        Assert.Matches(@"\| sha256 mismatch: .*robin-map-91362aab\.tar\.gz", output);
        Assert.Contains("if a tool or header is missing, install: apt-get install", output, StringComparison.Ordinal);
        Directory.Delete(sources, recursive: true);
    }

    public void Dispose() => Directory.Delete(_cache, recursive: true);
}
