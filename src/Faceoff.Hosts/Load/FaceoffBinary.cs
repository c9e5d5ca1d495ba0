using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Faceoff.Hosts.Transport;

namespace Faceoff.Hosts.Load;

/// <summary>A self-contained single-file Faceoff (what load hosts run), identified by its SHA-256.</summary>
public sealed record FaceoffBinary(string Path, string Sha256)
{
    public static async Task<FaceoffBinary> FromFileAsync(string path, CancellationToken ct)
    {
        var file = File.OpenRead(path);
        await using (file.ConfigureAwait(false))
        {
            var hash = await SHA256.HashDataAsync(file, ct).ConfigureAwait(false);
            return new FaceoffBinary(System.IO.Path.GetFullPath(path), Convert.ToHexStringLower(hash));
        }
    }

    /// <summary>
    /// Publishes src/Faceoff.Cli as one self-contained linux-x64 file into <paramref name="outputDirectory"/>
    /// (minutes on a small machine: do it once per run, before any pass).
    /// </summary>
    public static async Task<(FaceoffBinary? Binary, string? Error)> PublishAsync(string repositoryRoot, string outputDirectory, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = repositoryRoot };
        foreach (var arg in (string[])[
            "publish", System.IO.Path.Combine("src", "Faceoff.Cli"), "-c", "Release", "-r", "linux-x64", "--self-contained",
            "-p:PublishSingleFile=true", "-o", outputDirectory, "-nologo", "-v:q"])
        {
            start.ArgumentList.Add(arg);
        }

        var result = await ProcessRunner.RunAsync(start, TimeSpan.FromMinutes(15), ct).ConfigureAwait(false);
        var path = System.IO.Path.Combine(outputDirectory, "faceoff");
        if (!result.Succeeded || !File.Exists(path))
        {
            var tail = string.Join('\n', (result.Output + result.Error).Split('\n').TakeLast(10));
            return (null, $"dotnet publish of Faceoff failed ({result.Describe()}):\n{tail}");
        }

        return (await FromFileAsync(path, ct).ConfigureAwait(false), null);
    }

    /// <summary>Where the binary lives on a host: named by its hash, so different builds never overwrite each other.</summary>
    public string RemotePath(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return $"{host.WorkDirectory.TrimEnd('/')}/bin/faceoff-{Sha256[..16]}";
    }

    /// <summary>
    /// Makes sure the host has this binary: skips the copy when the file there already has the same SHA-256,
    /// otherwise copies and verifies it. Returns the remote path and whether it was copied.
    /// </summary>
    public async Task<(string? RemotePath, bool Copied, string? Error)> ShipAsync(IHost host, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        var remote = RemotePath(host);
        if (await RemoteHashAsync(host, remote, ct).ConfigureAwait(false) == Sha256)
        {
            return (remote, false, null);
        }

        var copy = await host.CopyFileAsync(Path, remote, TimeSpan.FromMinutes(10), ct, executable: true).ConfigureAwait(false);
        if (!copy.Succeeded)
        {
            return (null, true, $"host '{host.Name}': copying Faceoff to {remote} failed: {copy.Describe()}");
        }

        var hash = await RemoteHashAsync(host, remote, ct).ConfigureAwait(false);
        return hash == Sha256
            ? (remote, true, null)
            : (null, true, string.Create(CultureInfo.InvariantCulture, $"host '{host.Name}': {remote} has SHA-256 {hash ?? "unreadable"} after the copy, expected {Sha256}"));
    }

    private static async Task<string?> RemoteHashAsync(IHost host, string remote, CancellationToken ct)
    {
        var result = await host.RunAsync($"sha256sum {Shell.Quote(remote)} 2>/dev/null", TimeSpan.FromMinutes(2), ct).ConfigureAwait(false);
        var first = result.Output.Split(' ', 2)[0].Trim();
        return result.Succeeded && first.Length == 64 ? first : null;
    }
}
