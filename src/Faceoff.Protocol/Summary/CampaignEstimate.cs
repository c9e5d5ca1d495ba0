using Faceoff.Protocol.Model;

namespace Faceoff.Protocol.Summary;

/// <summary>
/// How long a campaign should take, before it is run. For every pair, each of its two profiles runs every
/// scenario both serve at every ladder step: warmup, then the measured repeats, on one server process per
/// profile and step. Each server start costs <see cref="ServerStartAllowanceSeconds"/>. A request-count pass
/// is assumed to run at <see cref="NominalRequestsPerSecond"/>. The parity gate and build are not included.
/// </summary>
/// <param name="Typical">With a stability-bounded warmup settling after one window.</param>
/// <param name="Longest">With every stability-bounded warmup running to its cap.</param>
/// <param name="Cells">Timed cells: pair × profile × scenario × ladder step.</param>
/// <param name="ServerStarts">Server processes started: pair × profile × ladder step.</param>
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
        var fixedWarmup = protocol.Warmup.Fixed.Repeats * PassSeconds(protocol.Warmup.Fixed);
        var stable = protocol.Warmup.UntilStable;
        var typicalCell = fixedWarmup + (stable?.WindowSeconds ?? 0) + (protocol.Measured.Repeats * PassSeconds(protocol.Measured));
        var longestCell = fixedWarmup + (stable?.MaxSeconds ?? 0) + (protocol.Measured.Repeats * PassSeconds(protocol.Measured));

        var cells = 0;
        var starts = 0;
        foreach (var pair in protocol.Pairs)
        {
            var steps = protocol.LadderFor(pair).Length;
            cells += 2 * protocol.ScenariosFor(pair).Length * steps;
            starts += 2 * steps;
        }

        var startSeconds = starts * ServerStartAllowanceSeconds;
        return new CampaignEstimate(
            TimeSpan.FromSeconds(startSeconds + (cells * typicalCell)),
            TimeSpan.FromSeconds(startSeconds + (cells * longestCell)),
            cells,
            starts);
    }

    /// <summary>Seconds one pass takes: its duration, or its request count at the nominal rate.</summary>
    public static double PassSeconds(PassPlan plan) =>
        plan.DurationSeconds ?? (plan.Requests!.Value / NominalRequestsPerSecond);
}
