using System.Diagnostics;
using Faceoff.Campaign.Execution;
using Faceoff.Campaign.Live;
using Xunit.Abstractions;

namespace Faceoff.Campaign.Tests;

/// <summary>The real probe against real interference: busy processes competing for every core, or for one, slow it below the bound.</summary>
public sealed class MachineSpeedProbeTests(ITestOutputHelper output)
{
    [Fact]
    public void Busy_processes_on_every_core_read_as_a_slowed_machine() =>
        SlowedBy(2 * Environment.ProcessorCount, cpu: null);

    [Fact]
    public void Busy_processes_on_one_core_read_as_a_slowed_machine() =>
        // Two busy loops pinned to the last core: a probe on one thread could run on another core and see nothing.
        SlowedBy(2, cpu: Environment.ProcessorCount - 1);

    private void SlowedBy(int loops, int? cpu)
    {
        var probe = new MachineSpeedProbe();
        // A few quiet readings first: each faster one becomes the calibration, as it would over a run's cells.
        for (var i = 0; i < 3; i++)
        {
            probe.Measure();
        }
        var calibrated = probe.BaselineMilliseconds;
        var hogs = Enumerable.Range(0, loops)
            .Select(_ => Process.Start(cpu is { } c
                ? new ProcessStartInfo("taskset", ["-c", c.ToString(System.Globalization.CultureInfo.InvariantCulture), "sh", "-c", "while :; do :; done"])
                : new ProcessStartInfo("sh", ["-c", "while :; do :; done"]))!)
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

        output.WriteLine($"calibrated {calibrated:0.000} ms; with {hogs.Count} busy loops on {(cpu is { } pinned ? $"cpu {pinned}" : "any cpu")} of {Environment.ProcessorCount}: speed {busy:0.00}");
        Assert.True(calibrated > 0);
        Assert.True(busy < QuietMachine.MinSpeed, $"speed {busy:0.00} with {hogs.Count} busy loops; calibrated {calibrated:0.000} ms");
    }
}
