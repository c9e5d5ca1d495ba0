using System.Diagnostics;
using Faceoff.Hosts.Load;
using Faceoff.Hosts.Remote;
using Faceoff.Hosts.Transport;
using Faceoff.Protocol.Model;
using Xunit.Abstractions;

namespace Faceoff.Hosts.Tests;

/// <summary>Two emulated load hosts against a server on a third, with Faceoff published and shipped to them.</summary>
[Collection(EmulatedHostsGroup.Name)]
public sealed class RemoteLoadTests(EmulatedHosts hosts, ITestOutputHelper output)
{
    // A keep-alive HTTP/1.1 server with nothing but the standard library, so any host with python3 can serve.
    private const string Server = """
        import http.server, sys
        class H(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def do_GET(self):
                self.send_response(200); self.send_header("Content-Length", "2"); self.end_headers(); self.wfile.write(b"ok")
            def log_message(self, *args): pass
        http.server.ThreadingHTTPServer(("0.0.0.0", int(sys.argv[1])), H).serve_forever()
        """;

    [HostsFact]
    public async Task Load_from_two_hosts_merges_into_one_histogram_whose_count_is_the_sum()
    {
        var clock = Stopwatch.StartNew();
        var binary = await hosts.PublishedAsync();
        output.WriteLine($"published {new FileInfo(binary.Path).Length / 1048576.0:0.0} MiB in {clock.Elapsed.TotalSeconds:0} s (or reused), sha256 {binary.Sha256[..16]}");

        await using var srv = hosts.Connectable("srv");
        await using var load1 = hosts.Connectable("load1");
        await using var load2 = hosts.Connectable("load2");
        foreach (var host in new IHost[] { srv, load1, load2 })
        {
            var check = await host.ConnectAsync(CancellationToken.None);
            Assert.True(check.Reachable, check.Error);
        }

        var log = Path.Combine(hosts.StateDirectory, "server.log");
        await using var server = await HostProcess.StartAsync(srv, $"exec python3 -c {Shell.Quote(Server)} 8080", log, CancellationToken.None);
        var target = new Uri($"http://{hosts.Address("srv")}:8080/");
        Assert.Null(LoadTargetPolicy.Check(target, [new HostDefinition("srv", HostKind.Ssh, Address: hosts.Address("srv"))]));
        await WaitReadyAsync(load1, target);

        var loadHosts = new List<LoadHost>();
        foreach (var host in new[] { load1, load2 })
        {
            clock.Restart();
            var (path, copied, shipError) = await binary.ShipAsync(host, CancellationToken.None);
            Assert.True(path is not null, shipError);
            Assert.True(copied);
            var shipped = clock.Elapsed;
            var (_, copiedAgain, _) = await binary.ShipAsync(host, CancellationToken.None);
            Assert.False(copiedAgain);
            var (offset, clockError) = await ClockOffsets.MeasureAsync(host, CancellationToken.None);
            Assert.True(offset is not null, clockError);
            output.WriteLine($"{host.Name}: shipped in {shipped.TotalSeconds:0.0} s; {offset.Describe()}");
            loadHosts.Add(new LoadHost(host, path!, offset));
        }

        var spec = new RemoteLoadSpec(target, ConnectionsPerHost: 4, Duration: TimeSpan.FromSeconds(3), Threads: 1);
        var (merged, outcomes) = await RemoteLoad.RunAsync(loadHosts, spec, TimeSpan.FromSeconds(8), "t1", CancellationToken.None);

        Assert.All(outcomes, o => Assert.Null(o.Error));
        Assert.NotNull(merged);
        var parts = merged.Parts;
        Assert.Equal(2, parts.Length);
        Assert.All(parts, p => Assert.True(p.Result.Summary.Completed > 0, $"{p.Host} completed nothing"));
        Assert.Equal(parts.Sum(p => p.Result.Latency.TotalCount), merged.Latency.TotalCount);
        Assert.Equal(parts.Sum(p => p.Result.Summary.Completed), merged.Latency.TotalCount);
        Assert.All(parts, p => Assert.Equal(hosts.Address("srv"), new Uri(p.Result.Run.Url).Host));
        foreach (var part in parts)
        {
            output.WriteLine($"{part.Host}: {part.Result.Summary.Completed} responses, {part.Result.Summary.RequestsPerSecond:0} req/s, p99 {part.Result.Summary.Latency.P99Micros} µs");
        }

        output.WriteLine($"merged: {merged.Completed} responses, {merged.RequestsPerSecond:0} req/s over a {merged.WindowSeconds:0.00} s common window, start spread {merged.StartSpreadMs:0.0} ms, p99 {merged.LatencySummary.P99Micros} µs");
        output.WriteLine($"printed command: {outcomes[0].Command}");
    }

    private static async Task WaitReadyAsync(SshHost from, Uri target)
    {
        var probe = $"python3 -c {Shell.Quote($"import urllib.request; urllib.request.urlopen('{target}', timeout=2)")}";
        for (var i = 0; i < 50; i++)
        {
            if ((await from.RunAsync(probe, TimeSpan.FromSeconds(10), CancellationToken.None)).Succeeded)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"{target} did not answer from {from.Name}");
    }
}
