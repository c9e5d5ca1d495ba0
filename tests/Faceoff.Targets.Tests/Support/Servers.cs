using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Faceoff.Protocol.Model;

namespace Faceoff.Targets.Tests.Support;

/// <summary>Real servers for the tests: Debian's /usr/bin/python3 -m http.server answers 200 on "/".</summary>
internal static class Servers
{
    public const string Python = "/usr/bin/python3";

    /// <summary>A shell snippet that ends by becoming an HTTP server on {host}:{port}.</summary>
    public const string ExecHttpServer = "exec /usr/bin/python3 -m http.server {port} --bind {host}";

    public static FrameworkDefinition Framework(
        string command,
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? env = null,
        double readinessTimeoutSeconds = 30,
        ConstrainedVariant? constrained = null,
        string? workingDir = null,
        RuntimeKind runtime = RuntimeKind.None,
        CommandSpec? build = null,
        IEnumerable<string>? requiredModules = null) =>
        new(
            "testfw",
            "Test framework",
            runtime,
            build,
            new CommandSpec(command, [.. args], (env ?? new Dictionary<string, string>()).ToImmutableDictionary(), workingDir),
            new ReadinessProbe("/", readinessTimeoutSeconds),
            constrained,
            [.. requiredModules ?? []]);

    /// <summary>bash -c SCRIPT: the script may use {host} and {port} and should end in <see cref="ExecHttpServer"/>.</summary>
    public static FrameworkDefinition Bash(string script, double readinessTimeoutSeconds = 30) =>
        Framework("bash", ["-c", script], readinessTimeoutSeconds: readinessTimeoutSeconds);

    public static ProfileDefinition Profile(IReadOnlyDictionary<string, string>? env = null, IEnumerable<string>? args = null) =>
        new("testprofile", "testfw", (env ?? new Dictionary<string, string>()).ToImmutableDictionary(), [.. args ?? []], []);

    public static ServerLaunch Launch(
        FrameworkDefinition framework, TempDir dir, string name = "server", bool constrained = false,
        string? cpuAffinity = null, ProfileDefinition? profile = null, IReadOnlyDictionary<string, string>? placeholders = null) =>
        new(name, framework, profile ?? Profile(), "127.0.0.1", FreePort(), constrained, dir.Path,
            placeholders ?? new Dictionary<string, string>(), cpuAffinity);

    public static int FreePort()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    /// <summary>Starts and asserts success, with the failure and log tail as the assertion message.</summary>
    public static async Task<RunningServer> StartAsync(ServerLaunch launch)
    {
        var result = await new ServerLauncher().StartAsync(launch, CancellationToken.None);
        Assert.True(result.Succeeded, $"{result.Failure}\n{result.LogTail}");
        return result.Server!;
    }
}
