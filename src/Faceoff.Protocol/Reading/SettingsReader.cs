using Faceoff.Protocol.Json;
using Faceoff.Protocol.Model;

namespace Faceoff.Protocol.Reading;

/// <summary>
/// Reads the campaign-wide settings (ladder, warmup, measured, reproducibility, parity, comparison) into the
/// draft, filling in <see cref="ProtocolDefaults"/> for what the file leaves out and recording each default.
/// </summary>
internal sealed class SettingsReader(ProtocolDraft draft, Diagnostics diagnostics)
{
    private const string RepeatsExpectation = "an integer 1-1000";
    private const string LaunchesExpectation = "an integer 1-100";
    private const string CvExpectation = "a number greater than 0 and at most 1";

    public void Read(ObjectView root)
    {
        if (Values.Ladder(root.Optional("concurrency_ladder"), diagnostics) is { } ladder)
        {
            draft.Ladder = ladder;
        }
        else if (!root.Has("concurrency_ladder"))
        {
            draft.Defaulted("concurrency_ladder", string.Join(",", ProtocolDefaults.ConcurrencyLadder));
        }

        Warmup(root.Optional("warmup"));
        draft.Measured = Pass(root.Optional("measured"), "measured", ProtocolFields.Measured, ProtocolDefaults.Measured) ?? draft.Measured;
        Reproducibility(root.Optional("reproducibility"));
        Parity(root.Optional("parity"));
        Comparison(root.Optional("comparison"));
    }

    /// <summary>
    /// A pass section: exactly one of <c>requests</c> / <c>duration_seconds</c>, plus <c>repeats</c>.
    /// An absent section takes <paramref name="fallback"/> whole; null means the section was wrong (reported).
    /// </summary>
    public PassPlan? Pass(JsonNodeAt? node, string section, IReadOnlyList<string> fields, PassPlan fallback) =>
        Pass(node, section, fields, fallback, out _);

    private PassPlan? Pass(JsonNodeAt? node, string section, IReadOnlyList<string> fields, PassPlan fallback, out ObjectView? view)
    {
        view = null;
        if (node is null)
        {
            RecordPass(section, fallback);
            return fallback;
        }

        if (ObjectView.Open(node, fields, diagnostics) is not { } pass)
        {
            return null;
        }

        view = pass;
        var before = diagnostics.Count;
        // The seed's v1 passes only knew request counts, so there "requests" is simply required.
        var allowsDuration = fields.Contains("duration_seconds");
        var requestsNode = allowsDuration ? pass.Optional("requests") : pass.Required("requests", Values.PositiveInteger);
        var durationNode = pass.Optional("duration_seconds");
        if (allowsDuration && (requestsNode is null) == (durationNode is null))
        {
            diagnostics.Report(pass.At, $"expected exactly one of \"requests\" or \"duration_seconds\", got {(requestsNode is null ? "neither" : "both")}");
        }

        var requests = Values.Integer(requestsNode, diagnostics, 1, 1_000_000_000, Values.PositiveInteger);
        var duration = Values.Positive(durationNode, diagnostics);
        var repeats = Values.Int(pass.Optional("repeats"), diagnostics, 1, 1000, RepeatsExpectation);
        if (repeats is null && !pass.Has("repeats"))
        {
            draft.Defaulted(section + ".repeats", fallback.Repeats.ToString());
        }

        // Only the measured section knows launches: a warmup is part of each launch, not a level of its own.
        int? launches = null;
        if (fields.Contains("launches"))
        {
            launches = Values.Int(pass.Optional("launches"), diagnostics, 1, 100, LaunchesExpectation);
            if (launches is null && !pass.Has("launches"))
            {
                draft.Defaulted(section + ".launches", fallback.Launches.ToString());
            }
        }

        return diagnostics.Count == before ? new PassPlan(requests, duration, repeats ?? fallback.Repeats, launches ?? fallback.Launches) : null;
    }

    private void Warmup(JsonNodeAt? node)
    {
        var pass = Pass(node, "warmup", ProtocolFields.Warmup, ProtocolDefaults.Warmup.Fixed, out var view);
        var stable = view?.Optional("until_stable") is { } stableNode ? UntilStable(stableNode) : null;
        if (pass is not null)
        {
            draft.Warmup = new WarmupPlan(pass, stable);
        }
    }

    private StabilityRule? UntilStable(JsonNodeAt node)
    {
        if (ObjectView.Open(node, ProtocolFields.UntilStable, diagnostics) is not { } rule)
        {
            return null;
        }

        var fallback = ProtocolDefaults.UntilStable;
        var window = Values.Number(rule.Optional("window_seconds"), diagnostics, v => v is > 0 and <= 3600, "a number of seconds above 0, at most 3600")
            ?? Defaulted(rule, "window_seconds", fallback.WindowSeconds);
        var passSeconds = Values.Number(rule.Optional("pass_seconds"), diagnostics, v => v is >= 0.1 and <= 60, "a number of seconds 0.1-60")
            ?? Defaulted(rule, "pass_seconds", fallback.PassSeconds);
        if (StabilityRule.Passes(window, passSeconds) < 2)
        {
            // A CV needs two samples: a window shorter than two passes could never be judged stable.
            diagnostics.Report(rule.Optional("window_seconds")?.At ?? rule.At, $"window_seconds must hold at least two warmup passes of {passSeconds} s (pass_seconds), got {window} s");
        }
        var maxCv = Values.Number(rule.Optional("max_cv"), diagnostics, v => v is > 0 and <= 1, CvExpectation)
            ?? Defaulted(rule, "max_cv", fallback.MaxCv);
        var maxSeconds = Values.Positive(rule.Optional("max_seconds"), diagnostics)
            ?? Defaulted(rule, "max_seconds", fallback.MaxSeconds);
        return new StabilityRule(window, maxCv, maxSeconds, passSeconds);

        T Defaulted<T>(ObjectView view, string field, T value)
        {
            if (!view.Has(field))
            {
                draft.Defaulted("warmup.until_stable." + field, value!.ToString()!);
            }

            return value;
        }
    }

    private void Reproducibility(JsonNodeAt? node)
    {
        if (node is null)
        {
            draft.Defaulted("reproducibility.max_cv_ratio", draft.Reproducibility.MaxCvRatio.ToString());
            return;
        }

        var bounds = ObjectView.Open(node, ProtocolFields.Reproducibility, diagnostics);
        if (Values.Number(bounds?.Required("max_cv_ratio", CvExpectation), diagnostics, v => v is > 0 and <= 1, CvExpectation) is { } ratio)
        {
            draft.Reproducibility = new ReproducibilityBounds(ratio);
        }
    }

    private void Parity(JsonNodeAt? node)
    {
        var parity = node is null ? null : ObjectView.Open(node, ProtocolFields.Parity, diagnostics);
        if (node is not null && parity is null)
        {
            return;
        }

        var fallback = ProtocolDefaults.Parity;
        var keepAliveNode = parity?.Optional("keepalive_scenario");
        if (Values.NonEmpty(keepAliveNode, diagnostics) is { } keepAlive)
        {
            draft.KeepAliveScenario = new Located<string>(keepAlive, keepAliveNode!.At);
        }

        var holdPathNode = parity?.Optional("hold_path");
        var holdPath = Values.String(holdPathNode, diagnostics, "a path starting with /");
        if (holdPath is not null && !holdPath.StartsWith('/'))
        {
            diagnostics.Expected(holdPathNode!, "a path starting with /");
        }

        draft.Parity = new ParitySettings(
            Charset(parity?.Optional("charset")) ?? Defaulted("charset", fallback.Charset),
            string.Empty,
            holdPath ?? Defaulted("hold_path", fallback.HoldPath),
            Values.Positive(parity?.Optional("hold_seconds"), diagnostics) ?? Defaulted("hold_seconds", fallback.HoldSeconds),
            Values.Positive(parity?.Optional("probe_timeout_seconds"), diagnostics) ?? Defaulted("probe_timeout_seconds", fallback.ProbeTimeoutSeconds),
            Values.Positive(parity?.Optional("recovery_timeout_seconds"), diagnostics) ?? Defaulted("recovery_timeout_seconds", fallback.RecoveryTimeoutSeconds),
            Values.Int(parity?.Optional("sample_every"), diagnostics, 1, 1_000_000, "an integer 1-1000000") ?? Defaulted("sample_every", fallback.SampleEvery));

        T Defaulted<T>(string field, T value)
        {
            if (parity?.Has(field) != true)
            {
                draft.Defaulted("parity." + field, value!.ToString()!.ToLowerInvariant());
            }

            return value;
        }
    }

    private CharsetRule? Charset(JsonNodeAt? node)
    {
        const string expectation = "one of \"ignore\", \"exact\"";
        switch (Values.String(node, diagnostics, expectation))
        {
            case "ignore":
                return CharsetRule.Ignore;
            case "exact":
                return CharsetRule.Exact;
            case null:
                return null;
            default:
                diagnostics.Expected(node!, expectation);
                return null;
        }
    }

    private void Comparison(JsonNodeAt? node)
    {
        var comparison = node is null ? null : ObjectView.Open(node, ProtocolFields.Comparison, diagnostics);
        if (node is not null && comparison is null)
        {
            return;
        }

        var fallback = ProtocolDefaults.Comparison;
        draft.Comparison = new ComparisonSettings(
            Values.Number(comparison?.Optional("confidence_level"), diagnostics, v => v is > 0 and < 1, "a number between 0 and 1 (exclusive)")
                ?? Defaulted("confidence_level", fallback.ConfidenceLevel),
            Values.Number(comparison?.Optional("equivalence_band"), diagnostics, v => v is >= 0 and < 1, "a number from 0 up to (not including) 1")
                ?? Defaulted("equivalence_band", fallback.EquivalenceBand));

        double Defaulted(string field, double value)
        {
            if (comparison?.Has(field) != true)
            {
                draft.Defaulted("comparison." + field, value.ToString());
            }

            return value;
        }
    }

    private void RecordPass(string section, PassPlan plan)
    {
        draft.Defaulted(
            plan.IsDurationBased ? section + ".duration_seconds" : section + ".requests",
            plan.IsDurationBased ? plan.DurationSeconds!.Value.ToString() : plan.Requests!.Value.ToString());
        draft.Defaulted(section + ".repeats", plan.Repeats.ToString());
        if (section == "measured")
        {
            draft.Defaulted(section + ".launches", plan.Launches.ToString());
        }
    }
}
