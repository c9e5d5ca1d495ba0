using System.Diagnostics;
using Faceoff.Campaign.Execution;
using Faceoff.Campaign.Live;
using Xunit.Abstractions;

namespace Faceoff.Campaign.Tests;

/// <summary>The real probe against real interference: busy processes competing for every core slow it below the bound.</summary>
public sealed class MachineSpeedProbeTests(ITestOutputHelper output)
{
    [Fact]
    public void Busy_processes_on_every_core_read_as_a_slowed_machine()
    {
        var probe = new MachineSpeedProbe();
        var calibrated = probe.BaselineMilliseconds;
        // Twice as many busy loops as cores: the probe's thread then gets about a third of a core.
        var hogs = Enumerable.Range(0, 2 * Environment.ProcessorCount)
            .Select(_ => Process.Start(new ProcessStartInfo("sh", ["-c", "while :; do :; done"]))!)
            .ToList();
        double busy;
        try
        {
            Thread.Sleep(200);
            busy = Enumerable.Range(0, 5).Min(_ => probe.Measure());
        }
        finally
        {
            foreach (var hog in hogs)
            {
                hog.Kill();
                hog.WaitForExit();
                hog.Dispose();
            }
        }

        output.WriteLine($"calibrated {calibrated:0.000} ms; with {hogs.Count} busy loops on {Environment.ProcessorCount} core(s): speed {busy:0.00}");
        Assert.True(calibrated > 0);
        Assert.True(busy < QuietMachine.MinSpeed, $"speed {busy:0.00} with {hogs.Count} busy loops on {Environment.ProcessorCount} core(s); calibrated {calibrated:0.000} ms");
    }
}
