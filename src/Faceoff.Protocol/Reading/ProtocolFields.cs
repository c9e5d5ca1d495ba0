using System.Collections.Immutable;

namespace Faceoff.Protocol.Reading;

/// <summary>
/// The fields each object of a schema-v2 protocol may contain. Anything else is an error, never ignored.
/// A test compares these lists with <c>protocols/faceoff-protocol.schema.json</c> so the two cannot drift;
/// the keys of <see cref="ByDefinition"/> are the schema's <c>$defs</c> names.
/// </summary>
public static class ProtocolFields
{
    public static readonly ImmutableArray<string> Protocol =
    [
        "$schema", "schema_version", "name", "description", "host", "frameworks", "scenarios", "profiles", "pairs",
        "claim_targets", "known_differences", "concurrency_ladder", "warmup", "measured", "reproducibility", "parity", "comparison",
        "services", "hosts", "load_hosts",
    ];

    public static readonly ImmutableArray<string> Service =
        ["kind", "dsn", "shared_buffers", "synchronous_commit", "max_connections", "seed_rows"];

    public static readonly ImmutableArray<string> Host = ["kind", "user", "host", "port", "identity_file", "options", "work_dir"];

    public static readonly ImmutableArray<string> Framework =
        ["display_name", "runtime", "required_modules", "build", "start", "readiness", "constrained"];

    public static readonly ImmutableArray<string> Command = ["command", "args", "env", "working_dir"];

    public static readonly ImmutableArray<string> Readiness = ["path", "timeout_seconds"];

    public static readonly ImmutableArray<string> Constrained = ["env", "args", "max_in_flight", "overload_status"];

    public static readonly ImmutableArray<string> Scenario = ["description", "method", "path", "headers", "body", "contract"];

    public static readonly ImmutableArray<string> Contract =
        ["status", "media_type", "exact_body", "json", "required_headers", "body_substrings"];

    public static readonly ImmutableArray<string> JsonContract = ["required_keys", "exact_values", "volatile_fields"];

    public static readonly ImmutableArray<string> RequiredHeader = ["name", "pattern"];

    public static readonly ImmutableArray<string> Profile = ["framework", "env", "args", "scenarios"];

    public static readonly ImmutableArray<string> Pair =
        ["name", "candidate", "reference", "candidate_port", "reference_port", "concurrency_ladder", "server_host", "load_hosts"];

    public static readonly ImmutableArray<string> ClaimTarget = ["claim_id", "pair", "scenario"];

    public static readonly ImmutableArray<string> KnownDifference = ["check", "pair", "scenario", "reason"];

    public static readonly ImmutableArray<string> Warmup = ["requests", "duration_seconds", "repeats", "until_stable"];

    public static readonly ImmutableArray<string> Measured = ["requests", "duration_seconds", "repeats", "launches"];

    public static readonly ImmutableArray<string> UntilStable = ["window_seconds", "pass_seconds", "max_cv", "max_seconds"];

    public static readonly ImmutableArray<string> Reproducibility = ["max_cv_ratio"];

    public static readonly ImmutableArray<string> Parity =
    [
        "charset", "keepalive_scenario", "hold_path", "hold_seconds", "probe_timeout_seconds",
        "recovery_timeout_seconds", "sample_every",
    ];

    public static readonly ImmutableArray<string> Comparison = ["confidence_level", "equivalence_band"];

    /// <summary>Schema-v1 (the seed's format) objects: only what the seed's file used.</summary>
    public static readonly ImmutableArray<string> V1Protocol =
        ["schema_version", "name", "description", "host", "concurrency_ladder", "warmup", "measured", "pairs", "claim_targets"];

    public static readonly ImmutableArray<string> V1Pass = ["requests", "repeats"];

    public static readonly ImmutableArray<string> V1Pair =
        ["name", "arlen_profile", "fastapi_profile", "arlen_port", "fastapi_port", "concurrency_ladder"];

    /// <summary>Schema-v2 field lists by the name of their definition in the JSON Schema (<c>protocol</c> is the root).</summary>
    public static readonly ImmutableDictionary<string, ImmutableArray<string>> ByDefinition =
        new Dictionary<string, ImmutableArray<string>>
        {
            ["protocol"] = Protocol,
            ["framework"] = Framework,
            ["command"] = Command,
            ["readiness"] = Readiness,
            ["constrained"] = Constrained,
            ["scenario"] = Scenario,
            ["contract"] = Contract,
            ["json_contract"] = JsonContract,
            ["required_header"] = RequiredHeader,
            ["profile"] = Profile,
            ["pair"] = Pair,
            ["claim_target"] = ClaimTarget,
            ["known_difference"] = KnownDifference,
            ["warmup"] = Warmup,
            ["measured"] = Measured,
            ["until_stable"] = UntilStable,
            ["reproducibility"] = Reproducibility,
            ["parity"] = Parity,
            ["comparison"] = Comparison,
            ["service"] = Service,
            ["host"] = Host,
        }.ToImmutableDictionary();
}
