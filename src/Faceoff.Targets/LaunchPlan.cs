using System.Collections.Immutable;
using Faceoff.Protocol;
using Faceoff.Targets.Processes;

namespace Faceoff.Targets;

/// <summary>A <see cref="ServerLaunch"/> with placeholders substituted and everything checked that can be checked before starting.</summary>
/// <param name="Environment">Only what the launch adds to faceoff's own environment: framework, then profile, then constrained.</param>
internal sealed record LaunchPlan(
    string Command,
    ImmutableArray<string> Args,
    ImmutableDictionary<string, string> Environment,
    string WorkingDirectory,
    ImmutableArray<int>? Cpus)
{
    public string DisplayLine => Redaction.CommandLine(Command, Args, Environment, WorkingDirectory);

    /// <summary>Builds the plan, or returns a message saying what is wrong with the launch.</summary>
    public static (LaunchPlan? Plan, string? Failure) Create(ServerLaunch launch)
    {
        var framework = launch.Framework;
        var spec = framework.Start;
        var values = new Dictionary<string, string>(launch.Placeholders)
        {
            [Placeholders.Host] = launch.Host,
            [Placeholders.Port] = launch.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        string Expand(string text) => Placeholders.Expand(text, values);

        if (launch.Constrained && framework.Constrained is null)
        {
            return (null, $"framework '{framework.Id}' has no constrained variant, so it cannot be launched constrained");
        }

        var env = spec.Env.SetItems(launch.Profile.Env)
            .SetItems(launch.Constrained ? framework.Constrained!.Env : ImmutableDictionary<string, string>.Empty)
            .ToImmutableDictionary(kv => kv.Key, kv => Expand(kv.Value));
        ImmutableArray<string> args =
            [.. spec.Args.Concat(launch.Profile.Args).Concat(launch.Constrained ? framework.Constrained!.Args : []).Select(Expand)];
        var command = Expand(spec.Command);
        var workingDir = Path.GetFullPath(spec.WorkingDir is null ? System.Environment.CurrentDirectory : Expand(spec.WorkingDir));

        var unresolved = args.Append(command).Append(workingDir).Concat(env.Values)
            .SelectMany(Placeholders.NamesIn).Where(Placeholders.Known.Contains).Distinct().ToList();
        if (unresolved.Count > 0)
        {
            var names = string.Join(", ", unresolved.Select(n => $"{{{n}}}"));
            var hint = unresolved.Contains(Placeholders.Python) ? " ({python} is resolved by prepare for frameworks with runtime 'python')"
                : unresolved.Contains(Placeholders.DatabaseUrl) ? " ({database_url} is given once the protocol's PostgreSQL service is up)" : string.Empty;
            return (null, $"the start command of '{framework.Id}' uses {names} but no value was given{hint}");
        }

        if (!Directory.Exists(workingDir))
        {
            return (null, $"working directory '{workingDir}' of '{framework.Id}' does not exist (has the app been built?)");
        }

        var path = env.TryGetValue("PATH", out var own) ? own : System.Environment.GetEnvironmentVariable("PATH");
        if (Executables.StartCommandProblem(framework.Id, command, path, workingDir) is { } problem)
        {
            return (null, problem);
        }

        ImmutableArray<int>? cpus = null;
        if (launch.CpuAffinity is { } list)
        {
            if (!CpuAffinity.TryParse(list, out var parsed, out var error))
            {
                return (null, $"cannot pin '{launch.Name}': {error}");
            }

            cpus = parsed;
        }

        return (new LaunchPlan(command, args, env, workingDir, cpus), null);
    }
}
