using System.Collections.Immutable;
using Faceoff.Protocol.Loading;
using Faceoff.Protocol.Model;

namespace Faceoff.Protocol.Overrides;

/// <summary>
/// Resolves every <see cref="Knobs"/> entry from the command line and the environment: picks the value by
/// precedence, parses it, reports bad values as located errors and the use of seed-era names as notices.
/// </summary>
public static class OverrideResolver
{
    private const long MaxRepeats = 1000;
    private const long MaxLaunches = 100;
    private const long MaxRequests = 1_000_000_000;

    public static OverrideResolution Resolve(OverrideInputs inputs)
    {
        var session = new Session(inputs);
        var protocol = new ProtocolOverrides(
            session.Parse(Knobs.ConcurrencyList, OverrideParsers.Ladder, _ => OverrideParsers.LadderExpectation, steps => string.Join(",", steps)),
            session.Bound(Knobs.WarmupRequests, Knobs.WarmupDuration),
            session.Repeats(Knobs.WarmupRepeats),
            session.Bound(Knobs.MeasuredRequests, Knobs.MeasuredDuration),
            session.Repeats(Knobs.MeasuredRepeats),
            session.Text(Knobs.BaseProtocol),
            session.Launches(Knobs.MeasuredLaunches));

        var run = new RunSettings(
            session.Parse(Knobs.SkipBuild, OverrideParsers.Bool, _ => OverrideParsers.BoolExpectation)?.Value ?? false,
            session.Parse(Knobs.SkipParity, OverrideParsers.Bool, _ => OverrideParsers.BoolExpectation)?.Value ?? false,
            session.Text(Knobs.FastapiVenv)?.Value,
            session.Text(Knobs.FastapiPython)?.Value,
            session.Text(Knobs.OutputDir)?.Value,
            session.RunId(),
            session.Pin());
        return new OverrideResolution(protocol, run, session.OriginsOf(Knobs.Run), session.Notices.ToImmutable(), session.Errors.ToImmutable());
    }

    /// <summary>One resolution: the raw value chosen for each knob, and the notices and errors found so far.</summary>
    private sealed class Session
    {
        private readonly Dictionary<Knob, RawValue> _values;

        public Session(OverrideInputs inputs)
        {
            _values = Knobs.All.Select(knob => Lookup(knob, inputs)).OfType<RawValue>().ToDictionary(raw => raw.Knob);
        }

        public ImmutableArray<string>.Builder Notices { get; } = ImmutableArray.CreateBuilder<string>();

        public ImmutableArray<ProtocolError>.Builder Errors { get; } = ImmutableArray.CreateBuilder<ProtocolError>();

        public Override<T>? Parse<T>(Knob knob, Func<string, T?> parse, Func<string, string> expectation, Func<T, string>? show = null)
            where T : struct
        {
            if (!_values.TryGetValue(knob, out var raw))
            {
                return null;
            }

            if (parse(raw.Text) is { } value)
            {
                return new Override<T>(value, raw.Origin(show?.Invoke(value) ?? raw.Text));
            }

            Errors.Add(raw.Error(expectation(raw.Text)));
            return null;
        }

        public Override<int>? Repeats(Knob knob) =>
            Parse(knob, text => (int?)OverrideParsers.Positive(text, MaxRepeats), text => OverrideParsers.PositiveExpectation(text, MaxRepeats), n => n.ToString());

        public Override<int>? Launches(Knob knob) =>
            Parse(knob, text => (int?)OverrideParsers.Positive(text, MaxLaunches), text => OverrideParsers.PositiveExpectation(text, MaxLaunches), n => n.ToString());

        public Override<string>? Text(Knob knob) =>
            _values.TryGetValue(knob, out var raw) ? new Override<string>(raw.Text, raw.Origin(raw.Text)) : null;

        /// <summary>
        /// A pass bound from its two knobs. Given at the same level both are an error; given at different levels
        /// the higher one wins and the other is reported as ignored, so nobody wonders why it had no effect.
        /// </summary>
        public Override<PassBound>? Bound(Knob requestsKnob, Knob durationKnob)
        {
            _values.TryGetValue(requestsKnob, out var requests);
            _values.TryGetValue(durationKnob, out var duration);
            if (requests is not null && duration is not null)
            {
                if (requests.Source == duration.Source)
                {
                    Errors.Add(new ProtocolError(
                        requests.SourceName, 0, 0, "$." + requestsKnob.Setting.Split('.')[0],
                        $"{requests.Name} and {duration.Name} are both set: a pass is bounded by a request count or a duration, not both"));
                    return null;
                }

                var loser = requests.Source > duration.Source ? duration : requests;
                var winner = loser == requests ? duration : requests;
                Notices.Add($"{loser.Name}={loser.Text} ignored: {winner.Name} takes precedence");
                return winner == requests ? RequestBound(requestsKnob) : DurationBound(durationKnob);
            }

            return RequestBound(requestsKnob) ?? DurationBound(durationKnob);
        }

        public string? RunId()
        {
            var id = Text(Knobs.RunId);
            if (id is not null && !OverrideParsers.IsRunId(id.Value))
            {
                Errors.Add(_values[Knobs.RunId].Error(OverrideParsers.RunIdExpectation));
                return null;
            }

            return id?.Value;
        }

        public CpuPinning? Pin()
        {
            if (!_values.TryGetValue(Knobs.Pin, out var raw))
            {
                return null;
            }

            var (valid, pinning) = OverrideParsers.Pin(raw.Text);
            if (!valid)
            {
                Errors.Add(raw.Error(OverrideParsers.PinExpectation));
            }

            return pinning;
        }

        public ImmutableArray<SettingOrigin> OriginsOf(IEnumerable<Knob> knobs) =>
            [.. knobs.Where(_values.ContainsKey).Select(knob => _values[knob].Origin(_values[knob].Text))];

        private Override<PassBound>? RequestBound(Knob knob) =>
            Parse(knob, text => OverrideParsers.Positive(text, MaxRequests), text => OverrideParsers.PositiveExpectation(text, MaxRequests), n => n.ToString()) is { } count
                ? new Override<PassBound>(new PassBound(count.Value, null), count.Origin)
                : null;

        private Override<PassBound>? DurationBound(Knob knob) =>
            Parse(knob, OverrideParsers.Seconds, _ => OverrideParsers.DurationExpectation, s => s.ToString()) is { } seconds
                ? new Override<PassBound>(new PassBound(null, seconds.Value), seconds.Origin)
                : null;

        private RawValue? Lookup(Knob knob, OverrideInputs inputs)
        {
            if (inputs.CommandLine.TryGetValue(knob, out var given))
            {
                return new RawValue(knob, given.Trim(), SettingSource.CommandLine, knob.Option);
            }

            var setAliases = knob.Aliases.Where(alias => Env(inputs, alias) is not null).ToList();
            if (Env(inputs, knob.EnvVar) is { } value)
            {
                Notices.AddRange(setAliases.Select(alias => $"{alias} ignored: {knob.EnvVar} is set"));
                return new RawValue(knob, value, SettingSource.Environment, knob.EnvVar);
            }

            if (setAliases.Count == 0)
            {
                return null;
            }

            var used = setAliases[0];
            Notices.Add($"{used} is the seed's name for {knob.EnvVar}; using it (prefer {knob.EnvVar})");
            Notices.AddRange(setAliases.Skip(1).Select(alias => $"{alias} ignored: {used} is set"));
            return new RawValue(knob, Env(inputs, used)!, SettingSource.Environment, used);
        }

        /// <summary>An empty variable counts as unset, as shells make clearing one awkward.</summary>
        private static string? Env(OverrideInputs inputs, string name) =>
            inputs.Environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }

    /// <summary>A knob's text as given, before parsing, with where it came from.</summary>
    private sealed record RawValue(Knob Knob, string Text, SettingSource Source, string Name)
    {
        public string SourceName => Source == SettingSource.CommandLine ? "command line" : "environment";

        public ProtocolError Error(string expectation) =>
            new(SourceName, 0, 0, Knob.IsProtocolSetting ? "$." + Knob.Setting : Knob.Setting, $"{Name}={Text}: expected {expectation}");

        public SettingOrigin Origin(string value) => new(Knob.Setting, value, Source, Name);
    }
}
