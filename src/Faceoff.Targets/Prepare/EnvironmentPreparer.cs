using System.Collections.Immutable;
using System.Diagnostics;
using Faceoff.Protocol;
using Faceoff.Protocol.Model;
using Faceoff.Targets.Processes;

namespace Faceoff.Targets.Prepare;

/// <summary>
/// The prepare phase: resolve each Python framework's interpreter, run each build step, record versions and
/// machine facts. The first failure stops it with a message and the relevant log tail.
/// </summary>
public sealed class EnvironmentPreparer(PythonResolver? pythonResolver = null)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);

    private readonly PythonResolver _python = pythonResolver ?? new PythonResolver();

    public async Task<PrepareResult> PrepareAsync(IEnumerable<FrameworkDefinition> frameworks, PrepareOptions options, CancellationToken ct)
    {
        var protocolDir = Path.GetFullPath(options.ProtocolDirectory);
        Directory.CreateDirectory(options.LogDirectory);
        var prepared = ImmutableDictionary.CreateBuilder<string, PreparedFramework>();
        string? firstPython = null;
        var packages = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var framework in frameworks)
        {
            var placeholders = ImmutableDictionary<string, string>.Empty.Add(Placeholders.ProtocolDir, protocolDir);
            PythonResolution? python = null;
            if (framework.Runtime == RuntimeKind.Python)
            {
                python = await _python.ResolveAsync(
                    new PythonRequest(framework.Id, framework.RequiredModules, options.PythonVenv, options.PythonRequirements,
                        options.CreateVenvIfMissing, options.LogDirectory),
                    ct).ConfigureAwait(false);
                if (python.Python is null)
                {
                    return new PrepareResult(null, python.Failure, null);
                }

                placeholders = placeholders.Add(Placeholders.Python, python.Python);
                firstPython ??= python.Python;
                packages.UnionWith(framework.RequiredModules);
            }

            var build = options.SkipBuild || framework.Build is null
                ? BuildOutcome.NotRun
                : await BuildAsync(framework, framework.Build, placeholders, options.LogDirectory, ct).ConfigureAwait(false);
            if (build.ExitCode is not 0 && !build.Skipped)
            {
                var why = build.ExitCode is null ? "could not run or timed out" : $"failed with exit code {build.ExitCode}";
                return new PrepareResult(
                    null,
                    $"build of '{framework.Id}' {why}: {build.CommandLine}. Log: {build.LogPath}",
                    LogFiles.Tail(build.LogPath!));
            }

            if (StartCommandProblem(framework, placeholders) is { } problem)
            {
                return new PrepareResult(null, problem, null);
            }

            prepared[framework.Id] = new PreparedFramework(framework.Id, build, python, placeholders);
        }

        var versions = await SystemFacts.CollectVersionsAsync(
            firstPython, packages, options.RepositoryDirectory ?? protocolDir, ct).ConfigureAwait(false);
        return new PrepareResult(new PreparedEnvironment(prepared.ToImmutable(), versions, SystemFacts.CollectMachine()), null, null);
    }

    /// <summary>
    /// Checked here, after the build that may create it, rather than when the parity gate first starts the server:
    /// a missing runtime is a problem of this machine, not a difference between the apps. A command or working
    /// directory that still holds a placeholder only known at start ({port}, {host}) is left to the launcher, which
    /// also sees the profile's environment.
    /// </summary>
    private static string? StartCommandProblem(FrameworkDefinition framework, ImmutableDictionary<string, string> placeholders)
    {
        var start = framework.Start;
        var command = Placeholders.Expand(start.Command, placeholders);
        var workingDir = start.WorkingDir is null ? Environment.CurrentDirectory : Placeholders.Expand(start.WorkingDir, placeholders);
        if (Placeholders.NamesIn(command).Concat(Placeholders.NamesIn(workingDir)).Any())
        {
            return null;
        }

        var path = start.Env.TryGetValue("PATH", out var own) ? Placeholders.Expand(own, placeholders) : Environment.GetEnvironmentVariable("PATH");
        return Executables.StartCommandProblem(framework.Id, command, path, Path.GetFullPath(workingDir));
    }

    private static async Task<BuildOutcome> BuildAsync(
        FrameworkDefinition framework, CommandSpec build, ImmutableDictionary<string, string> placeholders, string logDirectory, CancellationToken ct)
    {
        string Expand(string text) => Placeholders.Expand(text, placeholders);
        var command = Expand(build.Command);
        var args = build.Args.Select(Expand).ToList();
        var env = build.Env.ToImmutableDictionary(kv => kv.Key, kv => Expand(kv.Value));
        var workingDir = build.WorkingDir is null ? null : Path.GetFullPath(Expand(build.WorkingDir));
        var line = Redaction.CommandLine(command, args, env, workingDir);
        var log = LogFiles.CreateUnique(logDirectory, $"build-{framework.Id}");
        LogFiles.Annotate(log, $"building '{framework.Id}'", $"command: {line}");

        var clock = Stopwatch.StartNew();
        var outcome = await CommandRunner.RunAsync(command, args, BuildTimeout, ct, workingDir, env, log).ConfigureAwait(false);
        LogFiles.Annotate(log, $"build {outcome.Describe()} after {clock.Elapsed.TotalSeconds:0.0} s");
        return new BuildOutcome(false, line, log, clock.Elapsed.TotalSeconds, outcome.ExitCode);
    }
}
