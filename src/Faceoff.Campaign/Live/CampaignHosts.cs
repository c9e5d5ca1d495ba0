using System.Collections.Immutable;
using Faceoff.Hosts;
using Faceoff.Hosts.Load;
using Faceoff.Protocol.Model;

namespace Faceoff.Campaign.Live;

/// <summary>
/// The hosts a campaign uses (every pair's server host and load hosts), created from the protocol and connected
/// before anything runs. A protocol without a <c>hosts</c> section uses only <c>local</c>: nothing here changes
/// today's code path then.
/// </summary>
public sealed class CampaignHosts : IAsyncDisposable
{
    /// <summary>What a remote server's <c>{host}</c> becomes: every interface, so the load hosts can reach it.</summary>
    public const string RemoteBindAddress = "0.0.0.0";

    /// <summary>Environment variable that marks the hosts as emulated (network namespaces of one machine) in the report.</summary>
    public const string EmulatedVariable = "FACEOFF_HOSTS_EMULATED";

    private readonly CampaignProtocol _protocol;
    private readonly ImmutableDictionary<string, IHost> _hosts;

    private CampaignHosts(CampaignProtocol protocol, ImmutableDictionary<string, IHost> hosts)
    {
        _protocol = protocol;
        _hosts = hosts;
    }

    /// <summary>Every host in use, by name (always at least one).</summary>
    public ImmutableDictionary<string, IHost> Hosts => _hosts;

    /// <summary>True when every pair runs its servers and its load here: the runner then behaves exactly as before hosts existed.</summary>
    public bool AllLocal => _hosts.Values.All(h => h.IsLocal);

    /// <param name="localWorkDirectory">Where the local host keeps its files.</param>
    /// <param name="create">Test seam; defaults to <see cref="HostFactory.Create"/>.</param>
    public static CampaignHosts Create(CampaignProtocol protocol, string localWorkDirectory, Func<HostDefinition, IHost>? create = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        create ??= definition => HostFactory.Create(definition, localWorkDirectory);
        var names = protocol.Pairs
            .SelectMany(pair => protocol.LoadHostsFor(pair).Select(h => h.Name).Prepend(pair.ServerHost))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new CampaignHosts(protocol, names.ToImmutableDictionary(name => name, name => create(protocol.Hosts[name]), StringComparer.Ordinal));
    }

    public IHost ServerHost(PairDefinition pair) => _hosts[pair.ServerHost];

    public ImmutableArray<IHost> LoadHosts(PairDefinition pair) => [.. _protocol.LoadHostsFor(pair).Select(h => _hosts[h.Name])];

    /// <summary>True when the pair's load comes from other machines (or several), i.e. through <see cref="RemoteLoad"/>.</summary>
    public bool LoadIsRemote(PairDefinition pair) => LoadHosts(pair) is var hosts && (hosts.Length > 1 || !hosts[0].IsLocal);

    /// <summary>The address servers of this pair bind (<c>{host}</c>): the protocol's own for local servers.</summary>
    public string BindAddress(PairDefinition pair) => ServerHost(pair).IsLocal ? _protocol.Host : RemoteBindAddress;

    /// <summary>The address load and readiness probes are sent to: the ssh host's address for remote servers.</summary>
    public string TargetAddress(PairDefinition pair) =>
        _protocol.ServerHostFor(pair) is { Kind: HostKind.Ssh, Address: { } address } ? address : _protocol.Host;

    /// <summary>Whether the protocol or the environment says the ssh hosts are network namespaces of this machine.</summary>
    public bool Emulated(Func<string, string?> environment) =>
        !AllLocal && environment(EmulatedVariable) is { Length: > 0 } value && value != "0";

    /// <summary>Connects every host at once; returns one error per unreachable host (naming it, its address and ssh's message).</summary>
    public async Task<IReadOnlyList<string>> ConnectAsync(CancellationToken ct)
    {
        var checks = await Task.WhenAll(_hosts.Values.Select(h => h.ConnectAsync(ct))).ConfigureAwait(false);
        return [.. checks.Where(c => !c.Reachable).Select(c => c.Error!)];
    }

    /// <summary>
    /// Every pair's load target against <see cref="LoadTargetPolicy"/>, and the one layout not supported: load from
    /// another machine against servers on this one (their loopback address is not reachable from there).
    /// </summary>
    public IReadOnlyList<string> CheckTargets()
    {
        var problems = new List<string>();
        foreach (var pair in _protocol.Pairs)
        {
            if (ServerHost(pair).IsLocal && LoadHosts(pair).Any(h => !h.IsLocal))
            {
                problems.Add($"pair '{pair.Name}': load from remote hosts ({string.Join(", ", LoadHosts(pair).Where(h => !h.IsLocal).Select(h => h.Name))}) " +
                    "needs the servers on an ssh host too (server_host); servers on this machine listen on its loopback address");
                continue;
            }
            foreach (var port in new[] { pair.CandidatePort, pair.ReferencePort })
            {
                var target = new UriBuilder(Uri.UriSchemeHttp, TargetAddress(pair), port).Uri;
                if (LoadTargetPolicy.Check(target, _protocol.Hosts.Values) is { } refused)
                {
                    problems.Add($"pair '{pair.Name}': {refused}");
                }
            }
        }
        return problems;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.Values)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }
    }
}
