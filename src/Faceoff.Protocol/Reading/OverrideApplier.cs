using Faceoff.Protocol.Model;
using Faceoff.Protocol.Overrides;

namespace Faceoff.Protocol.Reading;

/// <summary>Applies command-line and environment overrides to a draft, replacing the recorded origin of each setting.</summary>
internal static class OverrideApplier
{
    public static void Apply(ProtocolDraft draft, ProtocolOverrides overrides)
    {
        if (overrides.BaseProtocol is { } basis && draft.BaseProtocolPath is not null)
        {
            Record(draft, basis.Origin);
        }

        if (overrides.ConcurrencyLadder is { } ladder)
        {
            // The seed's list replaced every ladder, including a pair's own; keep that meaning.
            draft.Ladder = ladder.Value;
            foreach (var pair in draft.Pairs)
            {
                pair.Ladder = default;
            }

            Record(draft, ladder.Origin, "concurrency_ladder");
        }

        if (overrides.WarmupBound is { } warmupBound)
        {
            draft.Warmup = draft.Warmup with { Fixed = WithBound(draft.Warmup.Fixed, warmupBound.Value) };
            Record(draft, warmupBound.Origin, "warmup.requests", "warmup.duration_seconds");
        }

        if (overrides.WarmupRepeats is { } warmupRepeats)
        {
            draft.Warmup = draft.Warmup with { Fixed = draft.Warmup.Fixed with { Repeats = warmupRepeats.Value } };
            Record(draft, warmupRepeats.Origin, "warmup.repeats");
        }

        if (overrides.MeasuredBound is { } measuredBound)
        {
            draft.Measured = WithBound(draft.Measured, measuredBound.Value);
            Record(draft, measuredBound.Origin, "measured.requests", "measured.duration_seconds");
        }

        if (overrides.MeasuredRepeats is { } measuredRepeats)
        {
            draft.Measured = draft.Measured with { Repeats = measuredRepeats.Value };
            Record(draft, measuredRepeats.Origin, "measured.repeats");
        }

        if (overrides.MeasuredLaunches is { } measuredLaunches)
        {
            draft.Measured = draft.Measured with { Launches = measuredLaunches.Value };
            Record(draft, measuredLaunches.Origin, "measured.launches");
        }
    }

    private static PassPlan WithBound(PassPlan plan, PassBound bound) =>
        plan with { Requests = bound.Requests, DurationSeconds = bound.DurationSeconds };

    /// <summary>Drops what was recorded for the replaced settings (a default) and records the override.</summary>
    private static void Record(ProtocolDraft draft, SettingOrigin origin, params string[] replaced)
    {
        draft.Origins.RemoveAll(existing => replaced.Contains(existing.Setting));
        draft.Origins.Add(origin);
    }
}
