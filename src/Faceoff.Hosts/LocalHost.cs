using System.Diagnostics;
using Faceoff.Hosts.Transport;

namespace Faceoff.Hosts;

/// <summary>This machine: commands run through /bin/sh directly, which is today's behaviour.</summary>
public sealed class LocalHost(string name = LocalHost.DefaultName, string? workDirectory = null) : IHost
{
    public const string DefaultName = "local";

    public string Name { get; } = name;

    public bool IsLocal => true;

    public string WorkDirectory { get; } = workDirectory ?? Path.Combine(Path.GetTempPath(), "faceoff-host");

    public string Description => "local";

    public Task<HostCheck> ConnectAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(WorkDirectory);
        return Task.FromResult(new HostCheck(Name, null, TimeSpan.Zero));
    }

    public ProcessStartInfo CreateStartInfo(string shellCommand)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(shellCommand);
        return start;
    }

    public string DescribeCommand(string shellCommand) => "/bin/sh -c " + Shell.Quote(SshRedaction.Command(shellCommand));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
