using System.Collections.Immutable;
using System.Globalization;
using Faceoff.Protocol.Model;

namespace Faceoff.Campaign;

/// <summary>
/// <c>--quick</c>: a smoke run of the same campaign that finishes in about a minute and a half on two cores.
/// Ladder [1, 8]; measured passes of 0.5 s × 3 repeats (three, because the statistics need at least three
/// repeats a side to give any verdict) on one launch (it never claims, so launch-to-launch variance is not worth the
/// restarts); a short fixed warmup per cell and a bounded 2-second warmup per scenario.
/// Anything the user set explicitly (option or variable) is kept; every value quick mode changes is
/// recorded as an override from <c>--quick</c>.
/// </summary>
public static class QuickMode
{
    public const string Origin = "--quick";

    public static readonly ImmutableArray<int> Ladder = [1, 8];

    public static readonly PassPlan Measured = new(null, 0.5, 3, Launches: 1);

    /// <summary>Enough to open the step's connections and touch the route before each cell.</summary>
    public static readonly PassPlan Warmup = new(null, 0.25, 1);

    /// <summary>
    /// Each scenario's short, bounded warmup on every server process (two one-second passes, at most 2 s): without
    /// it a quick A/A run measured cold JIT code on its first cell and printed a difference between a server and itself.
    /// </summary>
    public static readonly StabilityRule ScenarioWarmup = new(2, 0.1, 2);

    public static CampaignProtocol Apply(CampaignProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var explicitly = protocol.Overrides.Where(o => o.Source != SettingSource.Default).Select(o => o.Setting).ToHashSet(StringComparer.Ordinal);
        bool Free(params string[] settings) => !settings.Any(explicitly.Contains);
        var origins = new List<SettingOrigin>();
        void Record(string setting, string value) => origins.Add(new SettingOrigin(setting, value, SettingSource.CommandLine, Origin));

        var result = protocol;
        if (Free("concurrency_ladder"))
        {
            result = result with { ConcurrencyLadder = Ladder, Pairs = [.. result.Pairs.Select(p => p with { ConcurrencyLadder = [] })] };
            Record("concurrency_ladder", string.Join(",", Ladder));
        }
        var fixedWarmup = result.Warmup.Fixed;
        if (Free("warmup.requests", "warmup.duration_seconds"))
        {
            fixedWarmup = fixedWarmup with { Requests = null, DurationSeconds = Warmup.DurationSeconds };
            Record("warmup.duration_seconds", Seconds(Warmup.DurationSeconds));
        }
        if (Free("warmup.repeats"))
        {
            fixedWarmup = fixedWarmup with { Repeats = Warmup.Repeats };
            Record("warmup.repeats", Warmup.Repeats.ToString(CultureInfo.InvariantCulture));
        }
        result = result with { Warmup = new WarmupPlan(fixedWarmup, ScenarioWarmup) };
        Record("warmup.until_stable", "window 2 s, max cv 0.1, at most 2 s per scenario");

        var measured = result.Measured;
        if (Free("measured.requests", "measured.duration_seconds"))
        {
            measured = measured with { Requests = null, DurationSeconds = Measured.DurationSeconds };
            Record("measured.duration_seconds", Seconds(Measured.DurationSeconds));
        }
        if (Free("measured.repeats"))
        {
            measured = measured with { Repeats = Measured.Repeats };
            Record("measured.repeats", Measured.Repeats.ToString(CultureInfo.InvariantCulture));
        }
        if (Free("measured.launches") && measured.Launches != Measured.Launches)
        {
            measured = measured with { Launches = Measured.Launches };
            Record("measured.launches", Measured.Launches.ToString(CultureInfo.InvariantCulture));
        }
        return result with { Measured = measured, Overrides = [.. protocol.Overrides, .. origins] };
    }

    private static string Seconds(double? value) => value!.Value.ToString("0.###", CultureInfo.InvariantCulture);
}
