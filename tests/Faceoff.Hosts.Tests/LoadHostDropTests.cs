using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace Faceoff.Hosts.Tests;

/// <summary>
/// A load host's ssh connection dropped during a measured pass of a whole campaign: that cell fails naming the host,
/// the next cell is measured, and nothing is left running on any host.
/// </summary>
[Collection(EmulatedHostsGroup.Name)]
public sealed class LoadHostDropTests(EmulatedHosts hosts, ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(10);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"faceoff-hosts-drop-{Guid.NewGuid():N}");

    [HostsFact]
    public async Task A_load_host_lost_during_a_measured_pass_fails_that_cell_and_the_campaign_goes_on()
    {
        var binary = await hosts.PublishedAsync();
        // One scenario (two cells) keeps the run short; load1 takes part in every pass (c=1 runs from the first host only).
        var protocol = CampaignRun.WriteProtocol(hosts, _directory, ["load1", "load2"], 3451, scenarios: ["healthz"]);
        var outputDirectory = Path.Combine(_directory, "out");
        var load1 = $"root@{hosts.Address("load1")}";
        var earlierMasters = MasterPids(load1);
        using var run = CampaignRun.Start(binary.Path, "run", protocol, "--quick", "--output-dir", outputDirectory);

        // Once a measured pass is recorded, the next pass is measured too: wait until its faceoff load is running on
        // load1 (waiting for the common start), then kill the ssh master that carries its session.
        var deadline = DateTime.UtcNow + RunLimit;
        while (!File.Exists(PassesIndex(outputDirectory)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        while (!(await ProcessesInAsync("load1")).Any(p => p.Contains("--start-at", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        var masters = MasterPids(load1).Except(earlierMasters).ToList();
        Assert.Single(masters);
        using (var master = Process.GetProcessById(masters[0]))
        {
            master.Kill();
        }

        var code = await run.ExitCodeAsync(RunLimit);
        output.WriteLine(run.Output);
        // README: 1 = a cell failed after the input was accepted.
        Assert.True(code == 1, $"exit {code}:\n{run.Output}");
        Assert.Contains("lost a load host: load from load1", run.Output, StringComparison.Ordinal);
        Assert.Contains("host 'load1'", run.Output, StringComparison.Ordinal);
        // The campaign went on: the second cell was measured after the failed first one, and from both hosts.
        Assert.Contains("cell 2/2", run.Output, StringComparison.Ordinal);
        var runDirectory = CampaignRun.RunDirectory(outputDirectory);
        var methodology = File.ReadAllText(Path.Combine(runDirectory, "phased_methodology.md"));
        Assert.Contains("lost a load host", methodology, StringComparison.Ordinal);
        Assert.Contains(File.ReadAllLines(PassesIndex(outputDirectory)), l => l.Contains("\"concurrency\":8", StringComparison.Ordinal) && l.Contains("load2", StringComparison.Ordinal));

        // No orphans: nothing but the hosts' own sshd runs in any namespace a few seconds after the run.
        var settled = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var stray = new List<string>();
        do
        {
            stray.Clear();
            foreach (var name in EmulatedHosts.Names)
            {
                stray.AddRange((await ProcessesInAsync(name)).Select(p => $"{name}: {p}"));
            }
            if (stray.Count > 0)
            {
                await Task.Delay(250);
            }
        }
        while (stray.Count > 0 && DateTime.UtcNow < settled);
        Assert.Empty(stray);
        Assert.Empty(await CampaignRun.ListenersAsync(hosts, "srv", 3451));
        Assert.Empty(await CampaignRun.ListenersAsync(hosts, "srv", 3452));
    }

    private static string PassesIndex(string outputDirectory) =>
        Directory.Exists(Path.Combine(outputDirectory, "runs"))
            ? Path.Combine(CampaignRun.RunDirectory(outputDirectory), "hosts", "passes.jsonl")
            : Path.Combine(outputDirectory, "no-run-yet");

    /// <summary>Command lines of the processes in the host's namespace other than its sshd and that sshd's sessions.</summary>
    private async Task<IReadOnlyList<string>> ProcessesInAsync(string host)
    {
        var info = new ProcessStartInfo("ip") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in (string[])["netns", "pids", $"{hosts.Prefix}-{host}"])
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var found = new List<string>();
        foreach (var pid in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var command = CommandLine(int.Parse(pid, CultureInfo.InvariantCulture));
            if (command.Length > 0 && !command.StartsWith("sshd", StringComparison.Ordinal) && !command.Contains("/sshd", StringComparison.Ordinal))
            {
                found.Add($"{pid} {command}");
            }
        }
        return found;
    }

    /// <summary>Ssh master connections (<c>ControlMaster=yes … -N target</c>) of this machine to <paramref name="target"/>.</summary>
    private static List<int> MasterPids(string target) =>
    [
        .. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Where(pid =>
            {
                var args = CommandLine(pid).Split(' ');
                return args.Length > 0 && args[0].EndsWith("ssh", StringComparison.Ordinal) && args.Contains("ControlMaster=yes") && args.Contains("-N") && args[^1] == target;
            }),
    ];

    /// <summary>The process's arguments joined by spaces; empty once it is gone.</summary>
    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").TrimEnd('\0').Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
