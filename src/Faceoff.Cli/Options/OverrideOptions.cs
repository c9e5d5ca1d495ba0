using System.CommandLine;
using Faceoff.Protocol.Overrides;

namespace Faceoff.Cli.Options;

/// <summary>
/// Command-line options generated from the <see cref="Knobs"/> table, so every verb spells and documents an
/// override the same way and the environment fallbacks stay in one place. Values are taken as text and parsed
/// by <see cref="OverrideResolver"/>, which reports a bad option value exactly like a bad environment variable.
/// </summary>
public sealed class OverrideOptions
{
    private readonly Dictionary<Knob, Option> _options;

    private OverrideOptions(IEnumerable<Knob> knobs)
    {
        _options = knobs.ToDictionary(knob => knob, Create);
    }

    /// <summary>What changes the protocol: ladder, pass sizes, and the base a v1 file is mapped onto (<c>validate</c>).</summary>
    public static OverrideOptions ForProtocol() => new([.. Knobs.Protocol, Knobs.BaseProtocol]);

    /// <summary>Everything, including how a run is carried out (<c>run</c>).</summary>
    public static OverrideOptions ForRun() => new(Knobs.All);

    /// <summary>How a run is carried out but never what it measures, and never without parity (<c>reproduce</c>).</summary>
    public static OverrideOptions ForReproduce() => new(Knobs.Run.Remove(Knobs.SkipParity));

    public void AddTo(Command command)
    {
        foreach (var option in _options.Values)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The options the user gave, with the environment to fall back on.</summary>
    public OverrideInputs Read(ParseResult parse, IReadOnlyDictionary<string, string> environment)
    {
        var given = new Dictionary<Knob, string>();
        foreach (var (knob, option) in _options)
        {
            if (parse.GetResult(option) is not { Implicit: false } result)
            {
                continue;
            }

            var text = option is Option<bool> flag ? (result.GetValueOrDefault<bool>() ? "true" : "false") : result.GetValueOrDefault<string>();
            if (text is not null)
            {
                given[knob] = text;
            }
        }

        return new OverrideInputs(environment, given);
    }

    private static Option Create(Knob knob)
    {
        var environment = knob.Aliases.IsEmpty
            ? $" [env: {knob.EnvVar}]"
            : $" [env: {knob.EnvVar}; seed name: {string.Join(", ", knob.Aliases)}]";
        if (knob.IsFlag)
        {
            return new Option<bool>(knob.Option) { Description = knob.Description + environment };
        }

        return new Option<string>(knob.Option) { Description = knob.Description + environment, HelpName = knob.ValueName };
    }
}
