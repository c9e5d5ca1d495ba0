using System.Collections.Immutable;
using Faceoff.Protocol.Json;
using Faceoff.Protocol.Model;

namespace Faceoff.Protocol.Reading;

/// <summary>
/// Reads <c>frameworks.&lt;id&gt;</c> and the command-like parts profiles share. <c>{protocol_dir}</c> is
/// expanded here, to the directory of the file being read, because a mapped v1 protocol takes its
/// frameworks from a different file than the one the user named. <c>{arlen_home}</c> is expanded here too,
/// to the Arlen tree the loader found (null: none, and a use of it is reported).
/// </summary>
internal sealed class FrameworkReader(string protocolDir, string? arlenHome, Diagnostics diagnostics, bool hasDatabase = false)
{
    private const string CommandExpectation = "an object with a \"command\"";
    private static readonly string KnownPlaceholders = string.Join(", ", Placeholders.Known.Select(name => "{" + name + "}"));

    private readonly Dictionary<string, string> _loadTimeValues = arlenHome is null
        ? new() { [Placeholders.ProtocolDir] = protocolDir }
        : new() { [Placeholders.ProtocolDir] = protocolDir, [Placeholders.ArlenHome] = arlenHome };

    public FrameworkDefinition? Read(string id, JsonNodeAt node)
    {
        if (ObjectView.Open(node, ProtocolFields.Framework, diagnostics) is not { } framework)
        {
            return null;
        }

        var before = diagnostics.Count;
        var displayName = Values.NonEmpty(framework.Optional("display_name"), diagnostics) ?? id;
        var runtime = Runtime(framework.Optional("runtime")) ?? RuntimeKind.None;
        var modulesNode = framework.Optional("required_modules");
        var modules = Values.StringList(modulesNode, diagnostics, nonEmptyItems: true) ?? [];
        if (modules.Length > 0 && runtime != RuntimeKind.Python)
        {
            diagnostics.Report(modulesNode!.At, "required_modules is only used with runtime \"python\"");
        }

        var build = framework.Optional("build") is { } buildNode ? Command(buildNode, runtime) : null;
        var start = Command(framework.Required("start", CommandExpectation), runtime);
        var readiness = Readiness(framework.Required("readiness", "an object with a \"path\""));
        var constrained = Constrained(framework.Optional("constrained"), runtime);
        return diagnostics.Count == before && start is not null && readiness is not null
            ? new FrameworkDefinition(id, displayName, runtime, build, start, readiness, constrained, modules)
            : null;
    }

    /// <summary>Environment variables: names must be identifiers, values may use placeholders.</summary>
    public ImmutableDictionary<string, string>? Env(JsonNodeAt? node, RuntimeKind? runtime)
    {
        if (node is null)
        {
            return null;
        }

        var before = diagnostics.Count;
        if (node.Kind == NodeKind.Object)
        {
            foreach (var member in node.Members.Where(member => !IsEnvName(member.Name)))
            {
                diagnostics.Report(member.NameAt, $"invalid environment variable name \"{member.Name}\" (expected letters, digits and _ , not starting with a digit)");
            }
        }

        CheckPlaceholders(node, runtime);
        var env = Values.StringMap(node, diagnostics);
        return diagnostics.Count == before ? env?.ToImmutableDictionary(pair => pair.Key, pair => Expand(pair.Value)) : null;
    }

    public ImmutableArray<string>? Args(JsonNodeAt? node, RuntimeKind? runtime)
    {
        var before = diagnostics.Count;
        CheckPlaceholders(node, runtime);
        var args = Values.StringList(node, diagnostics);
        return diagnostics.Count == before ? args?.Select(Expand).ToImmutableArray() : null;
    }

    private CommandSpec? Command(JsonNodeAt? node, RuntimeKind runtime)
    {
        if (ObjectView.Open(node, ProtocolFields.Command, diagnostics) is not { } spec)
        {
            return null;
        }

        var commandNode = spec.Required("command", "a non-empty string");
        CheckPlaceholders(commandNode, runtime);
        var command = Values.NonEmpty(commandNode, diagnostics);
        var args = Args(spec.Optional("args"), runtime) ?? [];
        var env = Env(spec.Optional("env"), runtime) ?? ImmutableDictionary<string, string>.Empty;
        var workingDirNode = spec.Optional("working_dir");
        CheckPlaceholders(workingDirNode, runtime);
        var workingDir = Values.NonEmpty(workingDirNode, diagnostics);
        return command is null ? null : new CommandSpec(Expand(command), args, env, workingDir is null ? null : Expand(workingDir));
    }

    private ReadinessProbe? Readiness(JsonNodeAt? node)
    {
        if (ObjectView.Open(node, ProtocolFields.Readiness, diagnostics) is not { } readiness)
        {
            return null;
        }

        var path = Values.NonEmpty(readiness.Required("path", "a path starting with /"), diagnostics, "a path starting with /");
        if (path is not null && !path.StartsWith('/'))
        {
            diagnostics.Expected(readiness.Optional("path")!, "a path starting with /");
            path = null;
        }

        var timeout = Values.Positive(readiness.Optional("timeout_seconds"), diagnostics) ?? ProtocolDefaults.ReadinessTimeoutSeconds;
        return path is null ? null : new ReadinessProbe(path, timeout);
    }

    private ConstrainedVariant? Constrained(JsonNodeAt? node, RuntimeKind runtime)
    {
        if (ObjectView.Open(node, ProtocolFields.Constrained, diagnostics) is not { } constrained)
        {
            return null;
        }

        var env = Env(constrained.Optional("env"), runtime) ?? ImmutableDictionary<string, string>.Empty;
        var args = Args(constrained.Optional("args"), runtime) ?? [];
        var maxInFlight = Values.Int(constrained.Required("max_in_flight", Values.PositiveInteger), diagnostics, 1, 100_000, "an integer 1-100000");
        var status = Values.Int(constrained.Optional("overload_status"), diagnostics, 100, 599, "an HTTP status 100-599")
            ?? ProtocolDefaults.OverloadStatus;
        return maxInFlight is { } max ? new ConstrainedVariant(env, args, max, status) : null;
    }

    private RuntimeKind? Runtime(JsonNodeAt? node)
    {
        const string expectation = "one of \"none\", \"dotnet\", \"python\"";
        return Values.String(node, diagnostics, expectation) switch
        {
            null => null,
            "none" => RuntimeKind.None,
            "dotnet" => RuntimeKind.Dotnet,
            "python" => RuntimeKind.Python,
            _ => Invalid(),
        };

        RuntimeKind? Invalid()
        {
            diagnostics.Expected(node!, expectation);
            return null;
        }
    }

    /// <summary>
    /// Reports unknown placeholders in a string, or in the strings of an array or object, at each string.
    /// <paramref name="runtime"/> is null where the framework is not known yet (profiles), so <c>{python}</c> is not judged there.
    /// </summary>
    private void CheckPlaceholders(JsonNodeAt? node, RuntimeKind? runtime)
    {
        var strings = node switch
        {
            null => [],
            { Kind: NodeKind.String } => [node],
            { Kind: NodeKind.Array } => node.Items.Where(item => item.Kind == NodeKind.String),
            { Kind: NodeKind.Object } => node.Members.Select(member => member.Value).Where(value => value.Kind == NodeKind.String),
            _ => Enumerable.Empty<JsonNodeAt>(),
        };
        foreach (var text in strings)
        {
            foreach (var name in Placeholders.NamesIn(text.Text!).Distinct())
            {
                if (!Placeholders.Known.Contains(name))
                {
                    diagnostics.Report(text.At, $"unknown placeholder {{{name}}} (expected one of: {KnownPlaceholders})");
                }
                else if (name == Placeholders.DatabaseUrl && !hasDatabase)
                {
                    diagnostics.Report(text.At, "placeholder {database_url} needs a \"services\" entry of kind \"postgresql\"");
                }
                else if (name == Placeholders.ArlenHome && arlenHome is null)
                {
                    diagnostics.Report(text.At, "no Arlen build for {arlen_home}: run `make arlen` in this Faceoff checkout, "
                        + $"or set {Loading.ArlenHomeLocator.EnvironmentVariable} to an Arlen tree with build/boomhauer");
                }
                else if (name == Placeholders.Python && runtime is { } kind && kind != RuntimeKind.Python)
                {
                    diagnostics.Report(text.At, $"placeholder {{python}} needs runtime \"python\" (this framework's runtime is \"{kind.ToString().ToLowerInvariant()}\")");
                }
            }
        }
    }

    /// <summary>
    /// Expands <c>{protocol_dir}</c>; a value that starts with it is a path, so it is also normalised
    /// (<c>/x/protocols/../apps</c> becomes <c>/x/apps</c>) to read well in summaries and logs.
    /// </summary>
    private string Expand(string text)
    {
        var expanded = Placeholders.Expand(text, _loadTimeValues);
        return text.StartsWith("{" + Placeholders.ProtocolDir + "}", StringComparison.Ordinal) ? Path.GetFullPath(expanded) : expanded;
    }

    private static bool IsEnvName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
