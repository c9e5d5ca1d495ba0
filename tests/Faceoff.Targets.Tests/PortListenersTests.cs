using System.Net;
using System.Net.Sockets;
using Faceoff.Targets.Processes;
using Faceoff.Targets.Tests.Support;

namespace Faceoff.Targets.Tests;

public sealed class PortListenersTests
{
    private const string Rest = "00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0000000000000000 100 0 0 10 0";

    [Theory]
    [InlineData("0100007F:0CEF", "127.0.0.1")]
    [InlineData("00000000:0CEF", "0.0.0.0")]
    [InlineData("0000000000000000FFFF00000100007F:0CEF", "127.0.0.1")]
    [InlineData("00000000000000000000000001000000:0CEF", "::1")]
    [InlineData("00000000000000000000000000000000:0CEF", "::")]
    public void Rows_of_proc_net_tcp_parse_to_address_port_and_inode(string local, string address)
    {
        var socket = PortListeners.ParseLine($"   0: {local} {Rest}");

        Assert.Equal(new ListeningSocket(IPAddress.Parse(address), 3311, "socket:[4242]"), socket);
    }

    [Fact]
    public void Rows_not_in_listen_state_are_skipped()
    {
        Assert.Null(PortListeners.ParseLine($"   0: 0100007F:0CEF {Rest.Replace(" 0A ", " 06 ", StringComparison.Ordinal)}"));
        Assert.Null(PortListeners.ParseLine("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode"));
    }

    [Fact]
    public void A_connection_reaches_the_exact_address_before_a_wildcard_and_never_another_address()
    {
        ListeningSocket S(string address, string inode) => new(IPAddress.Parse(address), 3311, inode);
        List<ListeningSocket> all = [S("127.0.0.1", "exact"), S("0.0.0.0", "any4"), S("::", "any6"), S("::1", "v6loop")];

        Assert.Equal(["exact"], Inodes(PortListeners.Reached(all, IPAddress.Loopback)));
        Assert.Equal(["any4", "any6"], Inodes(PortListeners.Reached(all[1..], IPAddress.Loopback)));
        Assert.Equal(["any6"], Inodes(PortListeners.Reached([all[1], all[2]], IPAddress.IPv6Loopback)));
        Assert.Empty(PortListeners.Reached([all[3]], IPAddress.Loopback));
        Assert.Equal(4, PortListeners.Reached(all, null).Count);

        static List<string> Inodes(List<ListeningSocket> sockets) => [.. sockets.Select(s => s.Inode)];
    }

    [Fact]
    public void A_listener_is_ours_only_when_our_tree_holds_it()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;

        Assert.Equal(ListenerOwner.Ours, PortListeners.CheckOwner("127.0.0.1", port, [Environment.ProcessId]).Owner);
        var foreign = PortListeners.CheckOwner("127.0.0.1", port, []);
        Assert.Equal(ListenerOwner.Foreign, foreign.Owner);
        Assert.StartsWith($"port {port} is held by pid {Environment.ProcessId} (", foreign.Detail, StringComparison.Ordinal);
        Assert.EndsWith("), not by the server we started", foreign.Detail, StringComparison.Ordinal);
        Assert.Equal(ListenerOwner.NotListening, PortListeners.CheckOwner("127.0.0.1", Servers.FreePort(), []).Owner);
    }
}
