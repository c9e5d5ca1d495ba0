using System.Collections.Immutable;

namespace Faceoff.Protocol.Overrides;

/// <summary>
/// One setting that can be given on the command line or in the environment.
/// Precedence: <see cref="Option"/> &gt; <see cref="EnvVar"/> &gt; an <see cref="Aliases"/> entry (the seed's names) &gt; the file &gt; the default.
/// </summary>
/// <param name="Setting">The setting's name in reports, e.g. <c>measured.repeats</c> (a protocol path) or <c>skip_build</c>.</param>
/// <param name="Option">The command-line option, e.g. <c>--measured-repeats</c>.</param>
/// <param name="ValueName">How help shows the value; null for a flag, which takes no value.</param>
public sealed record Knob(
    string Setting,
    string Option,
    string EnvVar,
    ImmutableArray<string> Aliases,
    string? ValueName,
    string Description)
{
    public bool IsFlag => ValueName is null;

    /// <summary>Protocol knobs name a field of the protocol; their errors carry its JSON path.</summary>
    public bool IsProtocolSetting => Knobs.Protocol.Contains(this);
}

/// <summary>The table of every override: the CLI builds its options from it, the resolver reads the environment with it.</summary>
public static class Knobs
{
    public static readonly Knob ConcurrencyList = new(
        "concurrency_ladder", "--concurrency", "FACEOFF_CONCURRENCY_LIST", ["ARLEN_PHASED_CONCURRENCY_LIST"], "LIST",
        "Concurrency ladder for every pair, comma-separated (e.g. 1,4,8); replaces the file's and each pair's own ladder.");

    public static readonly Knob WarmupRequests = new(
        "warmup.requests", "--warmup-requests", "FACEOFF_WARMUP_REQUESTS", ["ARLEN_PHASED_WARMUP_REQUESTS"], "N",
        "Bound each warmup pass by a request count (instead of a duration).");

    public static readonly Knob WarmupDuration = new(
        "warmup.duration_seconds", "--warmup-duration", "FACEOFF_WARMUP_DURATION", [], "SECONDS",
        "Bound each warmup pass by a duration in seconds (instead of a request count).");

    public static readonly Knob WarmupRepeats = new(
        "warmup.repeats", "--warmup-repeats", "FACEOFF_WARMUP_REPEATS", ["ARLEN_PHASED_WARMUP_REPEATS"], "N",
        "Number of warmup passes before measuring.");

    public static readonly Knob MeasuredRequests = new(
        "measured.requests", "--measured-requests", "FACEOFF_MEASURED_REQUESTS", ["ARLEN_PHASED_MEASURED_REQUESTS"], "N",
        "Bound each measured pass by a request count (instead of a duration).");

    public static readonly Knob MeasuredDuration = new(
        "measured.duration_seconds", "--measured-duration", "FACEOFF_MEASURED_DURATION", [], "SECONDS",
        "Bound each measured pass by a duration in seconds (instead of a request count).");

    public static readonly Knob MeasuredRepeats = new(
        "measured.repeats", "--measured-repeats", "FACEOFF_MEASURED_REPEATS", ["ARLEN_PHASED_MEASURED_REPEATS"], "N",
        "Number of measured passes per cell (the median and variance are taken over them).");

    public static readonly Knob MeasuredLaunches = new(
        "measured.launches", "--measured-launches", "FACEOFF_MEASURED_LAUNCHES", [], "N",
        "Number of launches per cell: fresh server pairs, each warmed and then measured measured.repeats times (a cell gets launches × repeats passes per side).");

    public static readonly Knob BaseProtocol = new(
        "base_protocol", "--base", "FACEOFF_BASE_PROTOCOL", [], "FILE",
        "Schema-v2 protocol that a schema-v1 file is mapped onto (default: protocols/default.json found next to the tool or above the current directory).");

    public static readonly Knob SkipBuild = new(
        "skip_build", "--skip-build", "FACEOFF_SKIP_BUILD", ["ARLEN_PHASED_SKIP_BUILD"], null,
        "Do not build the framework apps; use what a previous build left.");

    public static readonly Knob SkipParity = new(
        "skip_parity", "--skip-parity", "FACEOFF_SKIP_PARITY", ["ARLEN_PHASED_SKIP_PARITY"], null,
        "Skip the parity gate. Every comparison is then marked not publishable.");

    public static readonly Knob FastapiVenv = new(
        "fastapi_venv", "--fastapi-venv", "FACEOFF_FASTAPI_VENV", ["ARLEN_FASTAPI_VENV"], "DIR",
        "Virtual environment for the Python frameworks (created if missing).");

    public static readonly Knob FastapiPython = new(
        "fastapi_python", "--fastapi-python", "FACEOFF_FASTAPI_PYTHON", [], "FILE",
        "Python interpreter to use as-is for the Python frameworks (no venv is created).");

    public static readonly Knob OutputDir = new(
        "output_dir", "--output-dir", "FACEOFF_OUTPUT_DIR", [], "DIR",
        "Directory that receives runs/<run_id>/ and the latest pointers.");

    public static readonly Knob RunId = new(
        "run_id", "--run-id", "FACEOFF_RUN_ID", [], "ID",
        "Name of this run's directory (default: a UTC timestamp).");

    public static readonly Knob Pin = new(
        "pin", "--pin", "FACEOFF_PIN", [], "SPEC",
        "CPU pinning: off, auto (split the cores between server and load generator), or SERVER/LOAD CPU lists such as 0/1 or 0-1/2-3.");

    /// <summary>Knobs that change the protocol; <c>validate</c> takes these.</summary>
    public static readonly ImmutableArray<Knob> Protocol =
        [ConcurrencyList, WarmupRequests, WarmupDuration, WarmupRepeats, MeasuredRequests, MeasuredDuration, MeasuredRepeats, MeasuredLaunches];

    /// <summary>Knobs that change how a run is carried out, not what it measures; the <c>run</c> verb takes these too.</summary>
    public static readonly ImmutableArray<Knob> Run = [SkipBuild, SkipParity, FastapiVenv, FastapiPython, OutputDir, RunId, Pin];

    public static readonly ImmutableArray<Knob> All = [.. Protocol, BaseProtocol, .. Run];
}
