using Faceoff.Protocol.Model;

namespace Faceoff.Protocol.Tests;

/// <summary>The <c>hosts</c> section, <c>load_hosts</c> and a pair's <c>server_host</c>: defaults, reading, located errors.</summary>
public sealed class HostsSectionTests
{
    private const string TwoHosts =
        "\"hosts\": { \"srv\": { \"kind\": \"ssh\", \"user\": \"bench\", \"host\": \"198.18.0.10\", \"port\": 2222, \"identity_file\": \"~/.ssh/id_bench\", \"options\": [\"StrictHostKeyChecking=yes\"], \"work_dir\": \"/srv/faceoff\" }, \"gen\": { \"kind\": \"ssh\", \"host\": \"198.18.0.11\" } },";

    [Fact]
    public void Without_hosts_everything_is_local()
    {
        var protocol = TestFiles.LoadText(MiniProtocol.Text).Protocol!;
        var pair = protocol.Pairs[0];

        Assert.Equal([HostDefinition.LocalName], protocol.Hosts.Keys);
        Assert.Equal(HostKind.Local, protocol.ServerHostFor(pair).Kind);
        Assert.Equal([(HostDefinition.LocalName, HostKind.Local)], protocol.LoadHostsFor(pair).Select(h => (h.Name, h.Kind)));
    }

    [Fact]
    public void Ssh_hosts_servers_and_load_hosts_are_read()
    {
        var json = MiniProtocol.WithField(TwoHosts + " \"load_hosts\": [\"gen\", \"local\"],")
            .Replace("\"reference_port\": 4002 }", "\"reference_port\": 4002, \"server_host\": \"srv\" }", StringComparison.Ordinal);

        var result = TestFiles.LoadText(json);

        Assert.Empty(result.Errors);
        var protocol = result.Protocol!;
        var server = protocol.ServerHostFor(protocol.Pairs[0]);
        Assert.Equal(("srv", HostKind.Ssh, "bench", "198.18.0.10"), (server.Name, server.Kind, server.User, server.Address));
        Assert.Equal((2222, "~/.ssh/id_bench", "/srv/faceoff"), (server.Port!.Value, server.IdentityFile, server.WorkDir));
        Assert.Equal(["StrictHostKeyChecking=yes"], server.Options.ToArray());
        Assert.Equal(["gen", "local"], protocol.LoadHostsFor(protocol.Pairs[0]).Select(h => h.Name));
    }

    [Fact]
    public void A_pairs_own_load_hosts_win_over_the_campaigns()
    {
        var json = MiniProtocol.WithField(TwoHosts + " \"load_hosts\": [\"gen\"],")
            .Replace("\"reference_port\": 4002 }", "\"reference_port\": 4002, \"load_hosts\": [\"srv\"] }", StringComparison.Ordinal);

        var protocol = TestFiles.LoadText(json).Protocol!;

        Assert.Equal(["srv"], protocol.LoadHostsFor(protocol.Pairs[0]).Select(h => h.Name));
    }

    [Fact]
    public void Unknown_host_names_are_located_errors()
    {
        var json = MiniProtocol.WithField(TwoHosts + " \"load_hosts\": [\"gen2\"],")
            .Replace("\"reference_port\": 4002 }", "\"reference_port\": 4002, \"server_host\": \"srvv\" }", StringComparison.Ordinal);

        Assert.Equal(
            [
                "4:266: $.load_hosts[0]: unknown host \"gen2\" (defined: gen, local, srv)",
                "17:120: $.pairs[0].server_host: unknown host \"srvv\" (defined: gen, local, srv)",
            ],
            MiniProtocol.Errors(json));
    }

    [Fact]
    public void Malformed_hosts_are_located_errors()
    {
        var json = MiniProtocol.WithField(
            "\"hosts\": { \"a\": { \"kind\": \"telnet\" }, \"b\": { \"kind\": \"ssh\", \"port\": 0 }, \"c\": { \"kind\": \"local\", \"host\": \"x\" }, \"d\": { \"kind\": \"ssh\", \"host\": \"h\", \"options\": [\"-oProxyCommand=x\"] }, \"local\": { \"kind\": \"ssh\", \"host\": \"h\" } },");

        Assert.Equal(
            [
                "4:29: $.hosts.a.kind: expected \"local\" or \"ssh\", got \"telnet\"",
                "4:46: $.hosts.b: missing required field \"host\" (expected a host name or address ssh connects to)",
                "4:71: $.hosts.b.port: expected an integer 1-65535, got 0",
                "4:108: $.hosts.c.host: \"host\" applies to ssh hosts only; host \"c\" is local",
                "4:162: $.hosts.d.options[0]: expected an ssh option \"Key=Value\", got \"-oProxyCommand=x\"",
                "4:185: $.hosts.local: the host name \"local\" is reserved for this machine (kind \"local\")",
            ],
            MiniProtocol.Errors(json));
    }
}
