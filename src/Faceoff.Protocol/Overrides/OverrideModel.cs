using System.Collections.Immutable;
using Faceoff.Protocol.Loading;
using Faceoff.Protocol.Model;

namespace Faceoff.Protocol.Overrides;

/// <summary>
/// What the user supplied outside the file. Both sources are plain dictionaries so tests never depend on
/// the real environment: <see cref="Environment"/> maps variable names to values, <see cref="CommandLine"/>
/// maps each given knob to its text (a flag that was given maps to <c>true</c>).
/// </summary>
public sealed record OverrideInputs(IReadOnlyDictionary<string, string> Environment, IReadOnlyDictionary<Knob, string> CommandLine)
{
    public static readonly OverrideInputs None = new(new Dictionary<string, string>(), new Dictionary<Knob, string>());

    /// <summary>The process environment, for the CLI; the library itself never reads it.</summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment() =>
        System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? string.Empty, StringComparer.Ordinal);
}

/// <summary>An overriding value and where it came from.</summary>
public sealed record Override<T>(T Value, SettingOrigin Origin);

/// <summary>A pass bound: a request count or a duration, exactly one set.</summary>
public sealed record PassBound(long? Requests, double? DurationSeconds);

/// <summary>Overrides of protocol settings; null members leave the file's value.</summary>
public sealed record ProtocolOverrides(
    Override<ImmutableArray<int>>? ConcurrencyLadder,
    Override<PassBound>? WarmupBound,
    Override<int>? WarmupRepeats,
    Override<PassBound>? MeasuredBound,
    Override<int>? MeasuredRepeats,
    Override<string>? BaseProtocol,
    Override<int>? MeasuredLaunches = null)
{
    public static readonly ProtocolOverrides None = new(null, null, null, null, null, null);
}

/// <summary>Settings of a run that are not part of the protocol, resolved from options and environment.</summary>
/// <param name="Pin">Null when pinning is off (the default).</param>
public sealed record RunSettings(
    bool SkipBuild,
    bool SkipParity,
    string? FastapiVenv,
    string? FastapiPython,
    string? OutputDir,
    string? RunId,
    CpuPinning? Pin)
{
    public static readonly RunSettings Defaults = new(false, false, null, null, null, null, null);
}

/// <summary>Everything resolved from the command line and the environment, with notices and located errors.</summary>
/// <param name="RunOrigins">
/// Where each given run setting came from. Handed to the protocol's <c>Overrides</c> by <c>faceoff run</c>, which is
/// then the one record the report, the methodology and the run's flags read; <see cref="RunSettings"/> keeps only values.
/// </param>
public sealed record OverrideResolution(
    ProtocolOverrides Protocol,
    RunSettings Run,
    ImmutableArray<SettingOrigin> RunOrigins,
    ImmutableArray<string> Notices,
    ImmutableArray<ProtocolError> Errors)
{
    public static readonly OverrideResolution None = new(ProtocolOverrides.None, RunSettings.Defaults, [], [], []);
}
