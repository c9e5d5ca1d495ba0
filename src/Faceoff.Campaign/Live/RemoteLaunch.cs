using System.Collections.Immutable;
using System.Globalization;
using Faceoff.Hosts;
using Faceoff.Hosts.Transport;
using Faceoff.Protocol;
using Faceoff.Protocol.Model;

namespace Faceoff.Campaign.Live;

/// <summary>
/// Shell commands for a framework's build and start on another host. The contestant's files are expected at the
/// same paths there (a checkout per machine), so paths and placeholders expand exactly as they do locally.
/// </summary>
internal static class RemoteLaunch
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);

    /// <summary><c>cd DIR &amp;&amp; exec env K=V... COMMAND ARGS</c> for the profile's server, with <c>{host}</c>/<c>{port}</c> given.</summary>
    /// <param name="constrained">Adds the framework's constrained variant (the parity gate's C05 launch), as the local launcher does.</param>
    public static string StartCommand(
        FrameworkDefinition framework, ProfileDefinition profile, IReadOnlyDictionary<string, string> placeholders, string bindAddress, int port, bool constrained = false)
    {
        var values = new Dictionary<string, string>(placeholders)
        {
            [Placeholders.Host] = bindAddress,
            [Placeholders.Port] = port.ToString(CultureInfo.InvariantCulture),
        };
        var spec = framework.Start;
        var variant = constrained ? framework.Constrained : null;
        var env = spec.Env.SetItems(profile.Env).SetItems(variant?.Env ?? ImmutableDictionary<string, string>.Empty)
            .ToImmutableDictionary(kv => kv.Key, kv => Placeholders.Expand(kv.Value, values));
        var args = spec.Args.Concat(profile.Args).Concat(variant is null ? [] : variant.Args).Select(a => Placeholders.Expand(a, values));
        return Command(spec, env, args, values, exec: true);
    }

    /// <summary>The framework's build command as the server host runs it; null when it has none.</summary>
    public static string? BuildCommand(FrameworkDefinition framework, IReadOnlyDictionary<string, string> placeholders)
    {
        if (framework.Build is not { } build)
        {
            return null;
        }
        var env = build.Env.ToImmutableDictionary(kv => kv.Key, kv => Placeholders.Expand(kv.Value, placeholders));
        return Command(build, env, build.Args.Select(a => Placeholders.Expand(a, placeholders)), placeholders, exec: false);
    }

    /// <summary>Runs the build of every framework a remote host serves; the first failure, with the command's output, or null.</summary>
    public static async Task<string?> BuildAsync(IHost host, IEnumerable<FrameworkDefinition> frameworks, Func<string, IReadOnlyDictionary<string, string>> placeholders, string logDirectory, CancellationToken ct)
    {
        Directory.CreateDirectory(logDirectory);
        foreach (var framework in frameworks)
        {
            if (BuildCommand(framework, placeholders(framework.Id)) is not { } command)
            {
                continue;
            }
            var result = await host.RunAsync(command, BuildTimeout, ct).ConfigureAwait(false);
            var log = Path.Combine(logDirectory, $"build-{framework.Id}-on-{host.Name}.log");
            await File.WriteAllTextAsync(log, $"# {host.DescribeCommand(command)}\n{result.Output}{result.Error}", ct).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return $"building '{framework.Id}' on host '{host.Name}' failed ({result.Describe()}); log: {log}";
            }
        }
        return null;
    }

    private static string Command(CommandSpec spec, ImmutableDictionary<string, string> env, IEnumerable<string> args, IReadOnlyDictionary<string, string> values, bool exec)
    {
        var directory = spec.WorkingDir is null ? Environment.CurrentDirectory : Placeholders.Expand(spec.WorkingDir, values);
        var assignments = env.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}").ToList();
        string[] words = [.. assignments.Count > 0 ? ["env", .. assignments] : Array.Empty<string>(), Placeholders.Expand(spec.Command, values), .. args];
        return $"cd {Shell.Quote(directory)} && {(exec ? "exec " : "")}{Shell.Join(words)}";
    }
}
