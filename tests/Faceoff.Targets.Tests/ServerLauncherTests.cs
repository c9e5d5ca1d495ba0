using System.Collections.Immutable;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Faceoff.Protocol.Model;
using Faceoff.Targets.Processes;
using Faceoff.Targets.Tests.Support;

namespace Faceoff.Targets.Tests;

public sealed class ServerLauncherTests
{
    [Fact]
    public async Task Starts_a_real_server_waits_for_readiness_and_logs_its_output()
    {
        using var dir = new TempDir();
        var launch = Servers.Launch(Servers.Bash($"echo hello-from-server; {Servers.ExecHttpServer}"), dir);
        await using var server = await Servers.StartAsync(launch);

        Assert.Equal(new Uri($"http://127.0.0.1:{launch.Port}/"), server.BaseUri);
        Assert.False(server.HasExited);
        Assert.Null(server.Exit);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(server.BaseUri)).StatusCode);
        // The pid is the server itself: every launch wrapper execs into it.
        Assert.Equal("python3", File.ReadAllText($"/proc/{server.Pid}/comm").Trim());
        Assert.Equal(Path.Combine(dir.Path, "server.log"), server.LogPath);
        Assert.True(await Procs.EventuallyAsync(() => server.LogTail().Contains("hello-from-server", StringComparison.Ordinal)), server.LogTail());
        Assert.Matches(@"command: cd \S+ && bash -c 'echo hello-from-server; exec /usr/bin/python3 -m http.server \d+ --bind 127.0.0.1'", server.LogTail());
    }

    [Fact]
    public async Task A_server_that_exits_during_startup_fails_fast_with_exit_code_and_log_tail()
    {
        using var dir = new TempDir();
        var framework = Servers.Framework("sh", ["-c", "echo boom-on-stderr >&2; exit 3"], readinessTimeoutSeconds: 120);
        var clock = Stopwatch.StartNew();

        var result = await new ServerLauncher().StartAsync(Servers.Launch(framework, dir), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("exited with code 3 during startup", result.Failure, StringComparison.Ordinal);
        Assert.Contains("boom-on-stderr", result.LogTail, StringComparison.Ordinal);
        Assert.Equal(new ExitInfo(3, null, false), result.Exit);
        // Fail fast: far sooner than the readiness timeout, however slow the machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_server_that_never_listens_times_out_and_is_stopped()
    {
        using var dir = new TempDir();
        var marker = $"faceoff-never-listens-{Guid.NewGuid():N}";
        var framework = Servers.Bash($"echo waiting-forever; exec -a {marker} sleep 300", readinessTimeoutSeconds: 1);

        var result = await new ServerLauncher().StartAsync(Servers.Launch(framework, dir), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("did not answer 200", result.Failure, StringComparison.Ordinal);
        Assert.Contains("within 1 s", result.Failure, StringComparison.Ordinal);
        Assert.Contains("Connection refused", result.Failure, StringComparison.Ordinal);
        Assert.Contains("waiting-forever", result.LogTail, StringComparison.Ordinal);
        Assert.Empty(Procs.WithMarker(marker));
    }

    [Fact]
    public async Task A_busy_port_is_reported_with_the_pid_that_holds_it_before_anything_starts()
    {
        using var dir = new TempDir();
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        holder.Listen();
        var port = ((IPEndPoint)holder.LocalEndPoint!).Port;
        var launch = Servers.Launch(Servers.Bash(Servers.ExecHttpServer), dir) with { Port = port };

        var result = await new ServerLauncher().StartAsync(launch, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains($"port {port} on 127.0.0.1 is already in use", result.Failure, StringComparison.Ordinal);
        Assert.Contains($"held by pid {Environment.ProcessId}", result.Failure, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, "server.log")));
    }

    [Theory]
    [InlineData("sleep 300")] // never binds, so every 200 the probe gets comes from the intruder
    [InlineData("/usr/bin/python3 -m http.server {port} --bind {host}")] // the real race: fails to bind, exits
    public async Task A_port_taken_after_the_free_port_check_fails_fast_naming_the_holder_and_stops_our_server(string command)
    {
        using var dir = new TempDir();
        var marker = $"faceoff-lost-race-{Guid.NewGuid():N}";
        var launch = Servers.Launch(Servers.Bash($"echo lost-race; exec -a {marker} {command}", readinessTimeoutSeconds: 120), dir);
        Process? intruder = null;
        var launcher = new ServerLauncher
        {
            // Lose the race every time: the port is taken after the check found it free, before our server starts.
            AfterPortCheck = async () =>
            {
                intruder = StartHttpServer(launch.Port);
                Assert.True(await Procs.EventuallyAsync(() => PortCheck.FindListener(launch.Port) == intruder.Id), "the intruder never listened");
            },
        };
        StartResult? result = null;
        try
        {
            var clock = Stopwatch.StartNew();
            result = await launcher.StartAsync(launch, CancellationToken.None);

            Assert.False(result.Succeeded, "readiness accepted a 200 from another process");
            Assert.Contains(
                $"port {launch.Port} is held by pid {intruder!.Id} ({Servers.Python} -m http.server {launch.Port} --bind 127.0.0.1), not by the server we started",
                result.Failure,
                StringComparison.Ordinal);
            Assert.Contains("lost-race", result.LogTail, StringComparison.Ordinal);
            Assert.Empty(Procs.WithMarker(marker));
            Assert.False(intruder.HasExited, "the other process is not ours to stop");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        }
        finally
        {
            if (result?.Server is { } server)
            {
                await server.StopAsync(TimeSpan.Zero);
            }

            if (intruder is not null)
            {
                intruder.Kill();
                await intruder.WaitForExitAsync();
                intruder.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_missing_command_is_reported_without_starting_anything()
    {
        using var dir = new TempDir();
        var result = await new ServerLauncher().StartAsync(
            Servers.Launch(Servers.Framework("faceoff-no-such-command", []), dir), CancellationToken.None);

        Assert.Contains("'faceoff-no-such-command', was not found on PATH", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unresolved_python_placeholder_is_reported()
    {
        using var dir = new TempDir();
        var framework = Servers.Framework("{python}", ["-m", "uvicorn"], runtime: RuntimeKind.Python);

        var result = await new ServerLauncher().StartAsync(Servers.Launch(framework, dir), CancellationToken.None);

        Assert.Contains("uses {python} but no value was given", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_constrained_launch_adds_the_variant_env_and_args_after_the_profile_and_redacts_secrets()
    {
        using var dir = new TempDir();
        var constrained = new ConstrainedVariant(
            new Dictionary<string, string> { ["APP_MODE"] = "constrained" }.ToImmutableDictionary(), ["--max", "4"], 4, 503);
        var framework = Servers.Framework(
            "bash",
            ["-c", $"echo \"mode=$APP_MODE args=$* token-length=${{#API_TOKEN}}\"; {Servers.ExecHttpServer}", "server"],
            env: new Dictionary<string, string> { ["API_TOKEN"] = "hunter2", ["APP_MODE"] = "framework" },
            constrained: constrained);
        var profile = Servers.Profile(new Dictionary<string, string> { ["APP_MODE"] = "plain" }, ["--profile-arg"]);
        await using var server = await Servers.StartAsync(Servers.Launch(framework, dir, constrained: true, profile: profile));

        Assert.True(await Procs.EventuallyAsync(() => server.LogTail().Contains("mode=constrained", StringComparison.Ordinal)), server.LogTail());
        Assert.Contains("args=--profile-arg --max 4 token-length=7", server.LogTail(), StringComparison.Ordinal);
        Assert.Contains("API_TOKEN=***", server.CommandLine, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", server.CommandLine, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", File.ReadAllText(server.LogPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_start_stops_the_process_and_throws()
    {
        using var dir = new TempDir();
        var marker = $"faceoff-cancelled-{Guid.NewGuid():N}";
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ServerLauncher().StartAsync(
            Servers.Launch(Servers.Bash($"exec -a {marker} sleep 300"), dir), cts.Token));

        Assert.Empty(Procs.WithMarker(marker));
    }

    [Fact]
    public void Log_files_are_never_overwritten()
    {
        using var dir = new TempDir();
        var first = LogFiles.CreateUnique(dir.Path, "a b/c");
        var second = LogFiles.CreateUnique(dir.Path, "a b/c");

        Assert.Equal(Path.Combine(dir.Path, "a_b_c.log"), first);
        Assert.Equal(Path.Combine(dir.Path, "a_b_c.2.log"), second);
    }

    [Fact]
    public void Log_tail_returns_the_last_lines()
    {
        using var dir = new TempDir();
        var path = dir.File("x.log", string.Join('\n', Enumerable.Range(1, 100000)) + "\n");

        Assert.Equal("99998\n99999\n100000", LogFiles.Tail(path, 3));
        Assert.Equal(string.Empty, LogFiles.Tail(Path.Combine(dir.Path, "missing.log")));
    }

    /// <summary>An HTTP server outside any launch, its request log captured so it stays out of the test output.</summary>
    private static Process StartHttpServer(int port)
    {
        var info = new ProcessStartInfo(Servers.Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-m", "http.server", $"{port}", "--bind", "127.0.0.1" })
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }
}
