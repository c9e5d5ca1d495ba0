using Faceoff.Targets.Services;
using Faceoff.Targets.Tests.Support;

namespace Faceoff.Targets.Tests;

/// <summary>
/// The test assembly is also a helper program (<c>dotnet Faceoff.Targets.Tests.dll MODE ...</c>), so the orphan
/// tests can start servers through the real API in a process they then kill, and pinning can be tried on a
/// whole process without disturbing the test host. The test runner never calls this.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => args switch
    {
        ["serve-then-wait", var logDirectory] => ServeThenWait(logDirectory),
        ["pin-self", var cpus] => PinSelf(cpus),
        ["postgres-then-wait", var directory] => PostgresThenWait(directory),
        _ => 2,
    };

    /// <summary>Starts a server whose tree has a grandchild, prints "READY pid pid...", then waits to be killed.</summary>
    private static int ServeThenWait(string logDirectory)
    {
        var framework = Servers.Bash($"sleep 300 & {Servers.ExecHttpServer}");
        var launch = new ServerLaunch("orphan-candidate", framework, Servers.Profile(), "127.0.0.1", Servers.FreePort(), false,
            logDirectory, new Dictionary<string, string>());
        var result = new ServerLauncher().StartAsync(launch, CancellationToken.None).GetAwaiter().GetResult();
        if (result.Server is not { } server)
        {
            Console.WriteLine($"FAILED {result.Failure}");
            return 1;
        }

        Console.WriteLine($"READY {string.Join(' ', server.ProcessTreePids())}");
        Thread.Sleep(Timeout.Infinite);
        return 0;
    }

    /// <summary>Starts a managed PostgreSQL, prints "READY pid pid..." (postmaster and its workers), then waits to be killed.</summary>
    private static int PostgresThenWait(string directory)
    {
        var definition = Postgres.Definition(seedRows: 10);
        var result = ManagedPostgres.StartAsync(definition, new ManagedPostgresOptions(directory, directory), CancellationToken.None).GetAwaiter().GetResult();
        if (result.Service is not ManagedPostgres postgres)
        {
            Console.WriteLine($"FAILED {result.Finding?.Message}");
            return 1;
        }

        Console.WriteLine($"READY {string.Join(' ', postgres.ProcessTreePids())}");
        Thread.Sleep(Timeout.Infinite);
        return 0;
    }

    /// <summary>Pins this process, starts one more thread, and prints every thread's allowed CPUs.</summary>
    private static int PinSelf(string cpus)
    {
        var pinning = CpuAffinity.PinCurrentProcess(cpus);
        var later = new Thread(() => Thread.Sleep(Timeout.Infinite)) { IsBackground = true };
        later.Start();
        Console.WriteLine($"RESULT {pinning.Allowed} {pinning.Failure}");
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            var line = File.ReadLines($"{task}/status").First(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));
            Console.WriteLine($"THREAD {line.Split(':')[1].Trim()}");
        }

        return pinning.Succeeded ? 0 : 1;
    }
}
