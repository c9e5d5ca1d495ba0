using System.Diagnostics;

namespace Faceoff.Campaign.Tests.EndToEnd;

/// <summary>
/// The Arlen tree `make arlen` builds (scripts/arlen/build.sh): reused when cached, built from FACEOFF_SOURCES
/// (a directory of the source archives) when not, and absent otherwise, which skips the Arlen tests.
/// </summary>
internal static class ArlenBuild
{
    public static string Script { get; } = Path.Combine(Repo.Root, "scripts", "arlen", "build.sh");

    /// <summary>Where build.sh links the tree it last built.</summary>
    public static string CachedTree { get; } = Path.Combine(Repo.Root, ".faceoff", "arlen", "current", "src", "arlen");

    public static string? Sources { get; } = Environment.GetEnvironmentVariable("FACEOFF_SOURCES") is { Length: > 0 } dir ? dir : null;

    public static bool IsCached => File.Exists(Path.Combine(CachedTree, "build", "boomhauer"));

    public static string? SkipReason => IsCached || Sources is not null
        ? null
        : $"no Arlen build at {CachedTree} and FACEOFF_SOURCES is unset: run `make arlen` (or set FACEOFF_SOURCES to the directory of the archives in scripts/arlen/sources.lock) to run the Arlen tests.";

    private static readonly Lazy<Task<string>> Built = new(BuildAsync);

    /// <summary>The built tree: the cached one, or one build.sh makes now (seconds when cached, minutes cold).</summary>
    public static Task<string> TreeAsync() => Built.Value;

    private static async Task<string> BuildAsync()
    {
        var (exit, output) = await RunScriptAsync(new Dictionary<string, string?> { ["FACEOFF_SOURCES"] = Sources }, TimeSpan.FromMinutes(40));
        if (exit != 0 || !IsCached)
        {
            throw new InvalidOperationException($"scripts/arlen/build.sh exited {exit}:\n{output}");
        }

        return CachedTree;
    }

    /// <summary>Runs build.sh with <paramref name="env"/> (null removes a variable), bounded by <paramref name="limit"/>.</summary>
    public static async Task<(int Exit, string Output)> RunScriptAsync(IReadOnlyDictionary<string, string?> env, TimeSpan limit)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Script);
        foreach (var (name, value) in env)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/arlen/build.sh did not finish within {limit}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}

/// <summary>Runs only where an Arlen build is cached or FACEOFF_SOURCES can make one; skipped with the reason elsewhere.</summary>
public sealed class ArlenFactAttribute : FactAttribute
{
    public ArlenFactAttribute()
    {
        if (ArlenBuild.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
