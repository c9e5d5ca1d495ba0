using Faceoff.Protocol.Model;

namespace Faceoff.Protocol.Summary;

/// <summary>
/// How long a campaign should take, before it is run. It follows the runner's model: each pair runs its ladder
/// once per launch (<c>measured.launches</c>); every launch starts a fresh candidate and reference server, warms
/// each scenario until stable on each of them, then gives every cell (profile × scenario × step) its fixed warmup
/// and its measured repeats on that launch's processes. Each server start costs
/// <see cref="ServerStartAllowanceSeconds"/>. A request-count pass is assumed to run at
/// <see cref="NominalRequestsPerSecond"/>. The parity gate and build are not included.
/// </summary>
/// <param name="Typical">With each until-stable warmup settling after one window.</param>
/// <param name="Longest">With every until-stable warmup running to its cap.</param>
/// <param name="Cells">Timed cells: pair × profile × scenario × ladder step (each runs on every launch).</param>
/// <param name="ServerStarts">Server processes started: two per pair and launch.</param>
/// <param name="Launches">Launches per cell.</param>
/// <param name="ScenarioWarmups">Until-stable warmups: one per server process and scenario; 0 without a stability rule.</param>
public sealed record CampaignEstimate(TimeSpan Typical, TimeSpan Longest, int Cells, int ServerStarts, int Launches = 1, int ScenarioWarmups = 0)
{
    /// <summary>
    /// A single-worker Python server answers roughly this many small requests per second at one connection on
    /// a 2-core machine; faster servers and higher concurrency only make a request-count pass shorter.
    /// </summary>
    public const double NominalRequestsPerSecond = 2000;

    /// <summary>Start plus readiness polling of one server (a .NET app or uvicorn takes 1–2 s on a small machine).</summary>
    public const double ServerStartAllowanceSeconds = 3;

    public static CampaignEstimate For(CampaignProtocol protocol)
    {
        var launches = protocol.Measured.Launches;
        // Per launch, each cell gets its fixed warmup and this launch's share of the measured repeats.
        var cellLaunchSeconds = (protocol.Warmup.Fixed.Repeats * PassSeconds(protocol.Warmup.Fixed))
            + (protocol.Measured.Repeats * PassSeconds(protocol.Measured));
        var stable = protocol.Warmup.UntilStable;

        var cells = 0;
        var starts = 0;
        var warmups = 0;
        foreach (var pair in protocol.Pairs)
        {
            var scenarios = protocol.ScenariosFor(pair).Length;
            cells += 2 * scenarios * protocol.LadderFor(pair).Length;
            starts += 2 * launches;
            warmups += stable is null ? 0 : 2 * launches * scenarios;
        }

        var fixedSeconds = (starts * ServerStartAllowanceSeconds) + (cells * launches * cellLaunchSeconds);
        return new CampaignEstimate(
            TimeSpan.FromSeconds(fixedSeconds + (warmups * (stable?.WindowSeconds ?? 0))),
            TimeSpan.FromSeconds(fixedSeconds + (warmups * (stable?.MaxSeconds ?? 0))),
            cells,
            starts,
            launches,
            warmups);
    }

    /// <summary>Seconds one pass takes: its duration, or its request count at the nominal rate.</summary>
    public static double PassSeconds(PassPlan plan) =>
        plan.DurationSeconds ?? (plan.Requests!.Value / NominalRequestsPerSecond);
}
