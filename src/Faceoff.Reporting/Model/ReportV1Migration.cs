using System.Text.Json.Nodes;

namespace Faceoff.Reporting.Model;

/// <summary>
/// Reads a schema-1 report (Faceoff before the result path was shortened) as schema 2, so <c>faceoff report</c>
/// and <c>faceoff compare</c> keep working on packs written by the previous version. The move is structural:
/// one-side "cells" become "sides", each repeat becomes the pass record it was copied from, the aggregates become
/// the statistics record they were copied from, ratios become intervals and claims the statistics' claim results.
/// </summary>
internal static class ReportV1Migration
{
    public const int FromVersion = 1;

    public static JsonObject Upgrade(JsonObject v1)
    {
        var v2 = (JsonObject)v1.DeepClone();
        v2["schema_version"] = CampaignReport.CurrentSchemaVersion;
        var cells = v2["cells"]?.AsArray() ?? [];
        v2.Remove("cells");
        v2["sides"] = new JsonArray([.. cells.Select(cell => (JsonNode?)Side(cell!.AsObject(), Text(v1["started_utc"])))]);
        foreach (var row in v2["comparisons"]?.AsArray() ?? [])
        {
            foreach (var name in new[] { "throughput_ratio", "p50_ratio", "p95_ratio", "p99_ratio" })
            {
                if (row![name] is JsonObject ratio)
                {
                    row[name] = new JsonObject { ["lower"] = Copy(ratio["ci_low"]), ["point"] = Copy(ratio["ratio"]), ["upper"] = Copy(ratio["ci_high"]) };
                }
            }
        }
        v2["claims"] = new JsonArray([.. (v1["claims"]?.AsArray() ?? []).Select(claim => (JsonNode?)new JsonObject
        {
            ["target"] = new JsonObject { ["claim_id"] = Copy(claim!["claim_id"]), ["pair"] = Copy(claim["pair"]), ["scenario"] = Copy(claim["scenario"]) },
            ["status"] = Copy(claim["status"]),
            ["steps"] = Copy(claim["steps"]),
            ["summary"] = Copy(claim["reason"]),
        })]);
        if (v2["parity"] is JsonObject parity && Text(parity["status"]) is null)
        {
            parity["status"] = "not_run";
        }
        return v2;
    }

    private static JsonObject Side(JsonObject cell, string? startedUtc)
    {
        var role = Text(cell["role"]) ?? "candidate";
        var repeats = cell["repeats"]?.AsArray() ?? [];
        var side = new JsonObject
        {
            ["pair"] = Copy(cell["pair"]),
            ["profile"] = Copy(cell["profile"]),
            ["role"] = role,
            ["scenario"] = Copy(cell["scenario"]),
            ["concurrency"] = Copy(cell["concurrency"]),
            ["status"] = Text(cell["status"]) == "ok" ? "completed" : Copy(cell["status"]),
            ["failure"] = Copy(cell["failure"]),
            ["warmup"] = Copy(cell["warmup"]),
            ["repeats"] = new JsonArray([.. repeats.Select(r => (JsonNode?)Pass(r!.AsObject(), cell, role, startedUtc))]),
            ["statistics"] = Statistics(cell, repeats.Count),
            ["server_log_path"] = Copy(cell["server_log_path"]),
        };
        return side;
    }

    private static JsonObject Pass(JsonObject repeat, JsonObject cell, string role, string? startedUtc)
    {
        var number = repeat["repeat"]?.GetValue<int>() ?? 1;
        return new JsonObject
        {
            // Schema 1 kept no per-pass order or start; the alternation it always used gives the order back.
            ["sequence"] = 2 * number - (role == "candidate" ? 1 : 0),
            ["kind"] = "measured",
            ["side"] = role,
            ["profile"] = Copy(cell["profile"]),
            ["repeat"] = number,
            ["started_at"] = startedUtc,
            ["measurement"] = new JsonObject
            {
                ["requests"] = Copy(repeat["requests"]),
                ["errors"] = Copy(repeat["errors"]),
                ["elapsed_seconds"] = Copy(repeat["duration_seconds"]),
                ["throughput_rps"] = Copy(repeat["requests_per_second"]),
                ["bytes_per_second"] = Copy(repeat["bytes_per_second"]),
                ["latency_us"] = Copy(repeat["latency"]),
                ["per_second_completed"] = Copy(repeat["per_second_completed"]),
                ["per_second_errors"] = Copy(repeat["per_second_errors"]),
                ["status_counts"] = Copy(repeat["status_counts"]),
                ["error_counts"] = Copy(repeat["errors_by_kind"]),
                ["sampled_responses"] = Copy(repeat["sampled_responses"]),
                ["contract_violations"] = Copy(repeat["contract_violations"]),
                ["first_violations"] = Copy(repeat["first_violations"]),
                ["server"] = new JsonObject
                {
                    ["cpu_seconds"] = Copy(repeat["server_cpu_seconds"]),
                    ["rss_before_kib"] = Copy(repeat["rss_before_kib"]),
                    ["rss_after_kib"] = Copy(repeat["rss_after_kib"]),
                    ["rss_peak_kib"] = Copy(repeat["rss_peak_kib"]),
                },
            },
            ["load_result_path"] = Copy(repeat["raw_result_path"]),
            ["histogram_log_path"] = Copy(repeat["histogram_log_path"]),
        };
    }

    private static JsonObject Statistics(JsonObject cell, int repeats)
    {
        var a = cell["aggregates"] as JsonObject;
        var requests = a?["requests"]?.GetValue<long>() ?? 0;
        var errors = a?["errors"]?.GetValue<long>() ?? 0;
        var issues = (a?["issues"]?.AsArray() ?? []).Select(i => Text(i) ?? "").ToList();
        var failure = cell["failure"]?["reason"];
        if (a is null && failure is not null)
        {
            issues.Insert(0, $"cell failed: {Text(failure)}");
        }
        return new JsonObject
        {
            ["key"] = new JsonObject { ["profile"] = Copy(cell["profile"]), ["scenario"] = Copy(cell["scenario"]), ["concurrency"] = Copy(cell["concurrency"]) },
            ["repeat_count"] = repeats,
            ["throughput"] = Copy(a?["throughput"]),
            ["latency"] = Copy(a?["latency"]),
            ["pass_stability"] = Copy(a?["pass_stability"]) ?? new JsonObject { ["per_repeat_cv"] = new JsonArray(), ["median_cv"] = null, ["max_cv"] = null },
            ["server_cpu_seconds"] = Copy(a?["server_cpu_seconds"]),
            ["rss_peak_kib"] = Copy(a?["rss_peak_kib"]),
            ["requests"] = requests,
            ["errors"] = errors,
            ["contract_violations"] = Copy(a?["contract_violations"]) ?? 0,
            ["error_rate"] = requests > 0 ? (double)errors / requests : errors > 0 ? 1.0 : 0.0,
            ["is_unstable"] = Copy(a?["unstable"]) ?? false,
            ["failure"] = Copy(failure),
            ["issues"] = new JsonArray([.. issues.Select(message => (JsonNode?)new JsonObject { ["kind"] = IssueKind(message), ["message"] = message })]),
        };
    }

    /// <summary>Schema 1 kept issues as text only; their fixed openings name the kind.</summary>
    private static string IssueKind(string message) => message switch
    {
        _ when message.StartsWith("cell failed", StringComparison.Ordinal) => "cell_failed",
        _ when message.StartsWith("no measured", StringComparison.Ordinal) => "no_data",
        _ when message.StartsWith("unstable", StringComparison.Ordinal) => "unstable",
        _ when message.Contains("contract violation", StringComparison.Ordinal) => "contract_violations",
        _ => "errors",
    };

    private static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
