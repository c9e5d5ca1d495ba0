using System.Diagnostics;
using Faceoff.Hosts.Transport;

namespace Faceoff.Hosts;

/// <summary>
/// A machine Faceoff runs things on: the local one, or one reached over SSH. Every operation is a POSIX shell
/// command run by the host's shell, so local and remote behave the same way (see docs/hosts.md).
/// </summary>
public interface IHost : IAsyncDisposable
{
    /// <summary>The name the protocol gives the host ("local" for the implicit one).</summary>
    string Name { get; }

    bool IsLocal { get; }

    /// <summary>Where Faceoff may put its files on the host (created by <see cref="ConnectAsync"/>).</summary>
    string WorkDirectory { get; }

    /// <summary>A one-line description safe to print (never key contents or passwords).</summary>
    string Description { get; }

    /// <summary>Connects (for SSH: starts the multiplexing master) and checks the host answers; a finding, not an exception.</summary>
    Task<HostCheck> ConnectAsync(CancellationToken ct);

    /// <summary>How to start <paramref name="shellCommand"/> on the host as a local process (stdin/stdout/stderr are the command's).</summary>
    ProcessStartInfo CreateStartInfo(string shellCommand);

    /// <summary>The redacted command line <see cref="CreateStartInfo"/> runs, for logs.</summary>
    string DescribeCommand(string shellCommand);
}

/// <summary>The outcome of <see cref="IHost.ConnectAsync"/>: null <see cref="Error"/> means reachable.</summary>
public sealed record HostCheck(string Host, string? Error, TimeSpan Elapsed)
{
    public bool Reachable => Error is null;
}

/// <summary>Operations every host offers, built on <see cref="IHost.CreateStartInfo"/>.</summary>
public static class HostCommands
{
    /// <summary>Runs a shell command to completion, with optional text on its stdin.</summary>
    public static Task<HostCommandResult> RunAsync(
        this IHost host, string shellCommand, TimeSpan timeout, CancellationToken ct, string? input = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        return ProcessRunner.RunAsync(host.CreateStartInfo(shellCommand), timeout, ct, input is null ? null : ProcessRunner.Text(input));
    }

    /// <summary>
    /// Copies a local file to <paramref name="remotePath"/> on the host through the same (multiplexed) connection:
    /// written to a temporary name, then renamed, so a reader never sees a partial file.
    /// </summary>
    public static async Task<HostCommandResult> CopyFileAsync(
        this IHost host, string localPath, string remotePath, TimeSpan timeout, CancellationToken ct, bool executable = false)
    {
        ArgumentNullException.ThrowIfNull(host);
        var target = Shell.Quote(remotePath);
        var temporary = Shell.Quote(remotePath + ".partial");
        var command = $"mkdir -p \"$(dirname {target})\" && cat > {temporary} && {(executable ? $"chmod +x {temporary} && " : "")}mv -f {temporary} {target}";
        return await ProcessRunner.RunAsync(host.CreateStartInfo(command), timeout, ct, async (stdin, token) =>
        {
            var file = File.OpenRead(localPath);
            await using (file.ConfigureAwait(false))
            {
                await file.CopyToAsync(stdin, token).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }
}
