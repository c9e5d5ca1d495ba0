using Faceoff.Protocol.Model;

namespace Faceoff.Protocol.Summary;

/// <summary>
/// How long a campaign should take, before it is run. It follows the runner's model: each pair starts its
/// two servers once and keeps them for its whole ladder; each server first warms up until stable (once);
/// then every cell (profile × scenario × step) gets its fixed warmup and its measured repeats on that same
/// process. Each server start costs <see cref="ServerStartAllowanceSeconds"/>. A request-count pass is
/// assumed to run at <see cref="NominalRequestsPerSecond"/>. The parity gate and build are not included.
/// </summary>
/// <param name="Typical">With each until-stable warmup settling after one window.</param>
/// <param name="Longest">With every until-stable warmup running to its cap.</param>
/// <param name="Cells">Timed cells: pair × profile × scenario × ladder step.</param>
/// <param name="ServerStarts">Server processes started: two per pair.</param>
public sealed record CampaignEstimate(TimeSpan Typical, TimeSpan Longest, int Cells, int ServerStarts)
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
        var cellSeconds = (protocol.Warmup.Fixed.Repeats * PassSeconds(protocol.Warmup.Fixed))
            + (protocol.Measured.Repeats * PassSeconds(protocol.Measured));
        var stable = protocol.Warmup.UntilStable;

        var cells = 0;
        var starts = 0;
        foreach (var pair in protocol.Pairs)
        {
            var steps = protocol.LadderFor(pair).Length;
            cells += 2 * protocol.ScenariosFor(pair).Length * steps;
            starts += 2;
        }

        var fixedSeconds = (starts * ServerStartAllowanceSeconds) + (cells * cellSeconds);
        return new CampaignEstimate(
            TimeSpan.FromSeconds(fixedSeconds + (starts * (stable?.WindowSeconds ?? 0))),
            TimeSpan.FromSeconds(fixedSeconds + (starts * (stable?.MaxSeconds ?? 0))),
            cells,
            starts);
    }

    /// <summary>Seconds one pass takes: its duration, or its request count at the nominal rate.</summary>
    public static double PassSeconds(PassPlan plan) =>
        plan.DurationSeconds ?? (plan.Requests!.Value / NominalRequestsPerSecond);
}
