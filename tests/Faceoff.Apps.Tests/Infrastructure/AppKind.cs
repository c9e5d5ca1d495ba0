using System.Diagnostics;
using System.Reflection;

namespace Faceoff.Apps.Tests.Infrastructure;

public enum AppKind
{
    AspNet,
    FastApi,
}

/// <summary>How each reference app is started: the same commands a campaign's protocol file uses.</summary>
internal static class AppCommands
{
    public static string RepoRoot { get; } = Metadata("Faceoff.RepoRoot");

    public static string AspNetDll { get; } = Metadata("Faceoff.AspNetAppDll");

    /// <summary>The Python with fastapi/uvicorn/uvloop/httptools, as scripts/install-prereqs.sh resolves it.</summary>
    public static string Python { get; } =
        Environment.GetEnvironmentVariable("FACEOFF_FASTAPI_PYTHON") is { Length: > 0 } python ? python : "/usr/bin/python3";

    public static ProcessStartInfo For(AppKind kind, int port) => kind switch
    {
        AppKind.AspNet => Info(DotnetHost(), RepoRoot, AspNetDll, "--urls", $"http://127.0.0.1:{port}"),
        AppKind.FastApi => Info(Python, Path.Combine(RepoRoot, "apps", "fastapi"),
            "-m", "uvicorn", "app:app", "--host", "127.0.0.1", "--port", port.ToString(),
            "--workers", "1", "--no-access-log", "--loop", "uvloop", "--http", "httptools"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static ProcessStartInfo Info(string fileName, string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The test host's own FACEOFF_APP_* settings must not leak into a server started for a specific mode.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("FACEOFF_APP_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        return info;
    }

    // `dotnet test` tells child processes which muxer it runs under; fall back to PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Metadata(string key) =>
        typeof(AppCommands).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is empty");
}
