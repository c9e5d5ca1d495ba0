using System.Diagnostics;
using Faceoff.Hosts.Load;
using Faceoff.Hosts.Transport;
using Faceoff.Testing;

namespace Faceoff.Hosts.Tests;

/// <summary>
/// Three emulated hosts (srv, load1, load2) brought up with scripts/test-hosts.sh for the tests that share this
/// fixture, and removed afterwards. Names and the 198.18.N.0/24 subnet are unique per run, so a crashed earlier
/// run that left namespaces behind does not get in the way.
/// </summary>
public sealed class EmulatedHosts : IAsyncLifetime
{
    public static readonly string[] Names = ["srv", "load1", "load2"];

    private readonly Dictionary<string, string> _environment;
    private readonly SemaphoreSlim _publishGate = new(1, 1);
    private FaceoffBinary? _binary;

    public EmulatedHosts()
    {
        var id = $"{Environment.ProcessId % 100000}{Random.Shared.Next(100, 999)}";
        Prefix = $"fot{id}";
        Net = Random.Shared.Next(100, 250);
        StateDirectory = Path.Combine(Path.GetTempPath(), $"faceoff-hosts-{id}");
        _environment = new Dictionary<string, string>
        {
            ["FACEOFF_HOSTS_PREFIX"] = Prefix,
            ["FACEOFF_HOSTS_NET"] = Net.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FACEOFF_HOSTS_STATE"] = StateDirectory,
            ["FACEOFF_HOSTS_NAMES"] = string.Join(' ', Names),
            ["FACEOFF_HOSTS_PIN"] = "1",
        };
    }

    public string Prefix { get; }

    public int Net { get; }

    public string StateDirectory { get; }

    public string SshConfig => Path.Combine(StateDirectory, "ssh_config");

    /// <summary>The address host <paramref name="name"/> has on the emulated network.</summary>
    public string Address(string name) => $"198.18.{Net}.{10 + Array.IndexOf(Names, name)}";

    public SshDestination Destination(string name) =>
        new(name, name, WorkDirectory: Path.Combine(StateDirectory, name, "work"), ConfigFile: SshConfig);

    public SshHost Connectable(string name) => new(Destination(name));

    /// <summary>Where the collection's one publish goes (removed with the hosts: the binary is ~75 MiB).</summary>
    public string PublishDirectory => StateDirectory + "-publish";

    /// <summary>
    /// Faceoff published once for every test of the collection (minutes on a small machine). FACEOFF_BINARY, when set,
    /// names a prebuilt single-file faceoff to use instead (a developer shortcut; CI publishes).
    /// </summary>
    public async Task<FaceoffBinary> PublishedAsync()
    {
        await _publishGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_binary is null)
            {
                if (Environment.GetEnvironmentVariable("FACEOFF_BINARY") is { Length: > 0 } given)
                {
                    _binary = await FaceoffBinary.FromFileAsync(given, CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    var (binary, error) = await FaceoffBinary.PublishAsync(TestRepository.Root, PublishDirectory, CancellationToken.None).ConfigureAwait(false);
                    _binary = binary ?? throw new InvalidOperationException(error);
                }
            }
            return _binary;
        }
        finally
        {
            _publishGate.Release();
        }
    }

    public async Task InitializeAsync()
    {
        if (HostsFactAttribute.MissingReason is not null)
        {
            return;
        }

        var (code, output) = await ScriptAsync("up").ConfigureAwait(false);
        if (code != 0)
        {
            await ScriptAsync("down").ConfigureAwait(false);
            throw new InvalidOperationException($"scripts/test-hosts.sh up failed ({code}):\n{output}");
        }
    }

    public async Task DisposeAsync()
    {
        if (HostsFactAttribute.MissingReason is null)
        {
            await ScriptAsync("down").ConfigureAwait(false);
        }
        if (Directory.Exists(PublishDirectory))
        {
            Directory.Delete(PublishDirectory, recursive: true);
        }
        _publishGate.Dispose();
    }

    private async Task<(int Code, string Output)> ScriptAsync(string verb)
    {
        var start = new ProcessStartInfo(Path.Combine(TestRepository.Root, "scripts", "test-hosts.sh"), verb)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false) + await error.ConfigureAwait(false));
    }
}

[CollectionDefinition(Name)]
public sealed class EmulatedHostsGroup : ICollectionFixture<EmulatedHosts>
{
    public const string Name = "emulated hosts";
}

/// <summary>Runs only as root with ip(8), sshd and ssh; elsewhere it is reported as skipped with what is missing.</summary>
public sealed class HostsFactAttribute : FactAttribute
{
    public static readonly string? MissingReason = FindMissing();

    public HostsFactAttribute()
    {
        if (MissingReason is not null)
        {
            Skip = MissingReason;
        }
    }

    private static string? FindMissing()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return "emulated hosts need root on Linux (network namespaces); run the tests as root to include them";
        }

        var missing = new[] { ("/usr/sbin/sshd", "openssh-server"), ("/usr/bin/ssh", "openssh-client") }
            .Where(p => !File.Exists(p.Item1))
            .Select(p => p.Item2)
            .ToList();
        if (!File.Exists("/usr/sbin/ip") && !File.Exists("/sbin/ip") && !File.Exists("/usr/bin/ip"))
        {
            missing.Add("iproute2");
        }

        return missing.Count == 0 ? null : $"emulated hosts need {string.Join(", ", missing)} (scripts/install-prereqs.sh installs them)";
    }
}
