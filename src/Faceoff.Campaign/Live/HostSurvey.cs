using System.Globalization;
using Faceoff.Hosts.Load;
using Faceoff.Hosts.Remote;
using Faceoff.Protocol.Model;

namespace Faceoff.Campaign.Live;

/// <summary>
/// What prepare does for a campaign that uses other hosts: every host's machine facts, the remote builds, Faceoff
/// shipped to every load host and each one's clock offset, all recorded in <c>hosts/hosts.json</c> and as
/// methodology notes. Runs only when some host is not local.
/// </summary>
internal static class HostSurvey
{
    public const string HostsPath = "hosts/hosts.json";

    /// <summary>Warn when a clock's offset plus uncertainty exceeds this share of the pass duration.</summary>
    public const double WarnShare = 0.01;

    /// <summary>Refuse to measure when it exceeds this share.</summary>
    public const double RefuseShare = 0.10;

    /// <summary>A prebuilt self-contained single-file faceoff to ship instead of publishing one from the repository.</summary>
    public const string BinaryVariable = "FACEOFF_BINARY";

    /// <returns>The notes for the methodology, or the error that stops the run.</returns>
    public static async Task<(IReadOnlyList<string> Notes, string? Error)> RunAsync(
        CampaignProtocol protocol, CampaignHosts hosts, RemotePasses passes, string runDirectory,
        Func<string, IReadOnlyDictionary<string, string>> placeholders, bool skipBuild, CancellationToken ct)
    {
        var notes = new List<string>();
        var facts = new Dictionary<string, MachineInfo>(StringComparer.Ordinal);
        foreach (var host in hosts.Hosts.Values.OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            var (machine, error) = await HostFacts.CollectAsync(host, ct).ConfigureAwait(false);
            if (machine is null)
            {
                return (notes, $"host '{host.Name}': cannot read its machine facts: {error}");
            }
            facts[host.Name] = machine;
            notes.Add($"Host {host.Name} ({host.Description}): {machine.CpuModel}, {machine.LogicalCores} logical cores, " +
                $"{machine.MemoryKib / (1024.0 * 1024):0.0} GiB, {machine.Os}, kernel {machine.Kernel}.");
        }
        foreach (var pair in protocol.Pairs)
        {
            notes.Add($"Topology of {pair.Name}: servers on {pair.ServerHost}, load from {string.Join(" + ", hosts.LoadHosts(pair).Select(h => h.Name))}.");
        }
        if (!skipBuild)
        {
            foreach (var group in protocol.Pairs.Where(p => !hosts.ServerHost(p).IsLocal).GroupBy(p => p.ServerHost))
            {
                var frameworks = group.SelectMany(p => new[] { p.CandidateProfile, p.ReferenceProfile })
                    .Select(id => protocol.Frameworks[protocol.Profiles[id].FrameworkId]).Distinct().ToList();
                if (await RemoteLaunch.BuildAsync(hosts.Hosts[group.Key], frameworks, placeholders, Path.Combine(runDirectory, "prepare"), ct).ConfigureAwait(false) is { } failed)
                {
                    return (notes, failed);
                }
            }
        }
        var clocks = new Dictionary<string, ClockOffset>(StringComparer.Ordinal);
        var loadHosts = protocol.Pairs.Where(hosts.LoadIsRemote).SelectMany(p => hosts.LoadHosts(p)).DistinctBy(h => h.Name).ToList();
        if (loadHosts.Count > 0)
        {
            var (binary, binaryError) = await BinaryAsync(ct).ConfigureAwait(false);
            if (binary is null)
            {
                return (notes, binaryError);
            }
            foreach (var host in loadHosts)
            {
                var (path, _, shipError) = await binary.ShipAsync(host, ct).ConfigureAwait(false);
                var (clock, clockError) = await ClockOffsets.MeasureAsync(host, ct).ConfigureAwait(false);
                if (path is null || clock is null)
                {
                    return (notes, $"load host '{host.Name}': {shipError ?? clockError}");
                }
                clocks[host.Name] = clock;
                passes.Add(new LoadHost(host, path, clock));
            }
            var (clockNotes, refused) = CheckClocks(clocks.Values, protocol.Measured.DurationSeconds);
            notes.AddRange(clockNotes);
            if (refused is not null)
            {
                return (notes, refused);
            }
            notes.Add($"Load from load hosts: each host runs the same faceoff (sha256 {binary.Sha256[..16]}) with its share of the connections from a common start " +
                "instant; histograms are added count by count and throughput is summed over the window every host was loading. " +
                "Response contracts are not sampled during such passes (the parity gate checked them).");
        }
        if (hosts.Emulated(Environment.GetEnvironmentVariable))
        {
            notes.Add($"The hosts were emulated ({CampaignHosts.EmulatedVariable}): network namespaces of one machine sharing its kernel, clock and CPUs, not separate machines.");
        }
        await WriteAsync(protocol, hosts, facts, clocks, runDirectory, ct).ConfigureAwait(false);
        return (notes, null);
    }

    /// <summary>Notes for every offset, and the refusal when one is too large for the pass (thresholds: see <see cref="WarnShare"/>).</summary>
    public static (IReadOnlyList<string> Notes, string? Refused) CheckClocks(IEnumerable<ClockOffset> clocks, double? passSeconds)
    {
        var notes = new List<string>();
        string? refused = null;
        foreach (var clock in clocks)
        {
            var bound = Math.Abs(clock.OffsetMs) + clock.UncertaintyMs;
            notes.Add($"Clock offset of {clock.Host}: {clock.OffsetMs:+0.0;-0.0} ms ± {clock.UncertaintyMs:0.0} ms.");
            if (passSeconds is not { } seconds)
            {
                continue;
            }
            var share = bound / (seconds * 1000);
            if (share > RefuseShare)
            {
                refused ??= $"clock offset of load host '{clock.Host}' ({clock.OffsetMs:+0.0;-0.0} ± {clock.UncertaintyMs:0.0} ms) is {share:P0} of the {seconds:0.##} s pass " +
                    $"(refused above {RefuseShare:P0}): synchronise its clock (NTP) or lengthen the passes";
            }
            else if (share > WarnShare)
            {
                notes.Add($"Warning: the clock offset of {clock.Host} is {share:P1} of the {seconds:0.##} s pass (above {WarnShare:P0}); the common window is uncertain by that much.");
            }
        }
        notes.Add($"Clock offsets are checked against the measured pass duration: a warning above {WarnShare:P0}, the run refused above {RefuseShare:P0}.");
        return (notes, refused);
    }

    private static async Task<(FaceoffBinary? Binary, string? Error)> BinaryAsync(CancellationToken ct)
    {
        if (Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } given)
        {
            return File.Exists(given)
                ? (await FaceoffBinary.FromFileAsync(given, ct).ConfigureAwait(false), null)
                : (null, $"{BinaryVariable}={given}: no such file");
        }
        var root = RepositoryRoot();
        if (root is null)
        {
            return (null, $"load hosts need a self-contained single-file faceoff: set {BinaryVariable} to one " +
                "(dotnet publish src/Faceoff.Cli -c Release -r linux-x64 --self-contained -p:PublishSingleFile=true)");
        }
        return await FaceoffBinary.PublishAsync(root, Path.Combine(root, ".faceoff", "publish"), ct).ConfigureAwait(false);
    }

    private static string? RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Faceoff.slnx")))
                {
                    return directory.FullName;
                }
            }
        }
        return null;
    }

    private static async Task WriteAsync(
        CampaignProtocol protocol, CampaignHosts hosts, Dictionary<string, MachineInfo> facts, Dictionary<string, ClockOffset> clocks, string runDirectory, CancellationToken ct)
    {
        var document = new HostsFile(
            hosts.Emulated(Environment.GetEnvironmentVariable),
            [.. hosts.Hosts.Values.OrderBy(h => h.Name, StringComparer.Ordinal).Select(h => new Reporting.Model.HostEntry(
                h.Name, h.Description, facts[h.Name].CpuModel, facts[h.Name].LogicalCores, facts[h.Name].MemoryKib, facts[h.Name].Os, facts[h.Name].Kernel,
                clocks.TryGetValue(h.Name, out var c) ? c.OffsetMs : null,
                clocks.TryGetValue(h.Name, out var u) ? u.UncertaintyMs : null))],
            [.. protocol.Pairs.Select(p => new HostsFilePair(
                p.Name, p.ServerHost, [.. hosts.LoadHosts(p).Select(h => h.Name)], hosts.TargetAddress(p), hosts.BindAddress(p)))],
            DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture));
        var path = Path.Combine(runDirectory, HostsPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, document.Serialize(), ct).ConfigureAwait(false);
    }
}
