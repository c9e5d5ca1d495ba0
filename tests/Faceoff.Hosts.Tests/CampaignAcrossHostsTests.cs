using System.Text.Json;
using Xunit.Abstractions;

namespace Faceoff.Hosts.Tests;

/// <summary>Whole campaigns (<c>faceoff run --quick</c>) with servers on the emulated <c>srv</c> and load from the load hosts.</summary>
[Collection(EmulatedHostsGroup.Name)]
public sealed class CampaignAcrossHostsTests(EmulatedHosts hosts, ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(15);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"faceoff-hosts-campaign-{Guid.NewGuid():N}");

    [HostsFact]
    public async Task A_quick_campaign_from_two_load_hosts_keeps_per_host_parts_that_add_up_and_no_secret()
    {
        var binary = await hosts.PublishedAsync();
        var protocol = CampaignRun.WriteProtocol(hosts, _directory, ["load1", "load2"], 3411);
        var outputDirectory = Path.Combine(_directory, "out");
        using var run = CampaignRun.Start(binary.Path, "run", protocol, "--quick", "--output-dir", outputDirectory);
        var code = await run.ExitCodeAsync(RunLimit);
        output.WriteLine(run.Output);
        Assert.True(code == 0, $"exit {code}:\n{run.Output}");

        var runDirectory = CampaignRun.RunDirectory(outputDirectory);
        var lines = File.ReadAllLines(Path.Combine(runDirectory, "hosts", "passes.jsonl"));
        Assert.NotEmpty(lines);
        var twoHostPasses = 0;
        foreach (var line in lines)
        {
            using var pass = JsonDocument.Parse(line);
            var root = pass.RootElement;
            var parts = root.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
            // The kept per-host results themselves, not the index's copy of their counts.
            var partCompleted = parts.Sum(f =>
            {
                using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDirectory, f)));
                return result.RootElement.GetProperty("summary").GetProperty("completed").GetInt64();
            });
            Assert.Equal(root.GetProperty("completed").GetInt64(), partCompleted);
            Assert.True(partCompleted > 0, line);
            twoHostPasses += parts.Count == 2 ? 1 : 0;
        }
        // c=8 is split 4 + 4; c=1 runs from one host.
        Assert.True(twoHostPasses > 0, "no pass ran from both load hosts");

        var summary = File.ReadAllText(Path.Combine(runDirectory, "hosts", "summary.md"));
        Assert.Contains("| a_vs_b | load1 |", summary, StringComparison.Ordinal);
        Assert.Contains("| a_vs_b | load2 |", summary, StringComparison.Ordinal);

        var methodology = File.ReadAllText(Path.Combine(runDirectory, "phased_methodology.md"));
        Assert.Contains("Topology of a_vs_b: servers on srv, load from load1 + load2.", methodology, StringComparison.Ordinal);
        Assert.Contains("Clock offset of load1", methodology, StringComparison.Ordinal);
        Assert.Contains("The hosts were emulated", methodology, StringComparison.Ordinal);
        Assert.True(Directory.EnumerateFiles(Path.Combine(runDirectory, "servers"), "*-on-srv.log").Any(), "no server log came back from srv");
        // The parity gate checked the servers where they are measured: its servers ran on srv too.
        Assert.True(Directory.EnumerateFiles(Path.Combine(runDirectory, "parity", "servers"), "parity-node_a-on-srv*.log").Any(), "the parity gate's servers did not run on srv");
        Assert.True(Directory.EnumerateFiles(Path.Combine(runDirectory, "parity", "servers"), "parity-node_b-on-srv*.log").Any(), "the parity gate's servers did not run on srv");

        // The HTML report's hosts section comes from the report JSON, which carries the same offsets as hosts/hosts.json.
        var html = File.ReadAllText(Path.Combine(runDirectory, "report.html"));
        var section = html[html.IndexOf("<section id=\"hosts\">", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("<tr><td>a_vs_b</td><td>srv</td><td>load1 + load2</td></tr>", section, StringComparison.Ordinal);
        Assert.Contains("The hosts were emulated", section, StringComparison.Ordinal);
        using var surveyed = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDirectory, "hosts", "hosts.json")));
        foreach (var host in surveyed.RootElement.GetProperty("hosts").EnumerateArray())
        {
            var name = host.GetProperty("name").GetString()!;
            Assert.Contains($"<tr><td>{name}</td><td class=\"mono\">", section, StringComparison.Ordinal);
            if (name != "srv")
            {
                var offset = host.GetProperty("clock_offset_ms").GetDouble();
                var shown = (offset >= 0 ? "+" : "") + offset.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " ms";
                Assert.Contains($"<tr><td>{name}</td><td class=\"num\">{shown}</td>", section, StringComparison.Ordinal);
                Assert.Matches($"<td>a_vs_b</td><td>node_a</td><td>healthz</td><td class=\"num\">8</td><td>{name}</td><td class=\"num\">3</td>", section);
            }
        }
        Assert.Contains("the run refused above 10%", section, StringComparison.Ordinal);

        // Secrets: neither the password-like ssh option nor the private key's contents are anywhere in the pack.
        Assert.Empty(CampaignRun.FilesContaining(runDirectory, CampaignRun.Secret));
        var keyBody = File.ReadAllLines(Path.Combine(hosts.StateDirectory, "client_key"))[1];
        Assert.Empty(CampaignRun.FilesContaining(runDirectory, keyBody));
        // No server left behind on srv.
        Assert.Empty(await CampaignRun.ListenersAsync(hosts, "srv", 3411));
        Assert.Empty(await CampaignRun.ListenersAsync(hosts, "srv", 3412));
    }

    [HostsFact]
    public async Task An_unreachable_load_host_fails_the_run_before_anything_starts()
    {
        var protocol = CampaignRun.WriteProtocol(hosts, _directory, ["load1", "load2"], 3421, unreachable: "load2");
        var outputDirectory = Path.Combine(_directory, "out");
        using var run = CampaignRun.Start("/nonexistent/faceoff", "run", protocol, "--quick", "--output-dir", outputDirectory);
        var code = await run.ExitCodeAsync(TimeSpan.FromMinutes(2));
        output.WriteLine(run.Output);
        Assert.Equal(1, code);
        Assert.Contains("load2", run.Output, StringComparison.Ordinal);
        Assert.Contains($"198.18.{hosts.Net}.99", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(outputDirectory, "runs")), "a run directory was created although a host was unreachable");
        Assert.Empty(await CampaignRun.ListenersAsync(hosts, "srv", 3421));
    }

    [HostsFact]
    public async Task A_remote_server_killed_mid_run_fails_its_cell_and_the_campaign_goes_on()
    {
        var binary = await hosts.PublishedAsync();
        var protocol = CampaignRun.WriteProtocol(hosts, _directory, ["load1"], 3431);
        var outputDirectory = Path.Combine(_directory, "out");
        using var run = CampaignRun.Start(binary.Path, "run", protocol, "--quick", "--output-dir", outputDirectory);
        // Inside the second cell, once its first candidate repeat is done, kill the candidate on srv by the pid that
        // listens on its port. Killing right after the first cell raced the machine check before the next cell: a server
        // found dead between cells is restarted by design, and then no cell failed (seen when the check waited 1 s).
        var deadline = DateTime.UtcNow + RunLimit;
        while (!run.Output.Contains("c=1 api_status cand r1/", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        var pids = await CampaignRun.ListenersAsync(hosts, "srv", 3431);
        Assert.NotEmpty(pids);
        foreach (var pid in pids)
        {
            using var kill = System.Diagnostics.Process.Start("kill", ["-KILL", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
        var code = await run.ExitCodeAsync(RunLimit);
        output.WriteLine(run.Output);
        Assert.True(code == 1, $"exit {code}:\n{run.Output}");
        Assert.Contains("crashed", run.Output, StringComparison.Ordinal);
        // The campaign went on: the last cell was measured after the failed one.
        Assert.Contains("cell 4/4", run.Output, StringComparison.Ordinal);
        Assert.Empty(await CampaignRun.ListenersAsync(hosts, "srv", 3431));
    }

    [HostsFact]
    public async Task Faceoff_killed_during_a_remote_run_leaves_no_server_behind_and_resumes()
    {
        var binary = await hosts.PublishedAsync();
        var protocol = CampaignRun.WriteProtocol(hosts, _directory, ["load1"], 3441);
        var outputDirectory = Path.Combine(_directory, "out");
        using (var run = CampaignRun.Start(binary.Path, "run", protocol, "--quick", "--output-dir", outputDirectory))
        {
            var deadline = DateTime.UtcNow + RunLimit;
            while (!run.Output.Contains("cell 1/", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
            Assert.NotEmpty(await CampaignRun.ListenersAsync(hosts, "srv", 3441));
            run.KillOnly();
            output.WriteLine(run.Output);
        }
        // The sessions' stdin closed with faceoff: the wrappers on srv stop the servers within their grace period.
        var gone = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < gone
            && ((await CampaignRun.ListenersAsync(hosts, "srv", 3441)).Count > 0 || (await CampaignRun.ListenersAsync(hosts, "srv", 3442)).Count > 0))
        {
            await Task.Delay(250);
        }
        Assert.Empty(await CampaignRun.ListenersAsync(hosts, "srv", 3441));
        Assert.Empty(await CampaignRun.ListenersAsync(hosts, "srv", 3442));

        var runId = Path.GetFileName(CampaignRun.RunDirectory(outputDirectory));
        using var resumed = CampaignRun.Start(binary.Path, "run", protocol, "--quick", "--output-dir", outputDirectory, "--resume", runId);
        var code = await resumed.ExitCodeAsync(RunLimit);
        output.WriteLine(resumed.Output);
        Assert.True(code == 0, $"resume exit {code}:\n{resumed.Output}");
        Assert.Empty(await CampaignRun.ListenersAsync(hosts, "srv", 3441));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
