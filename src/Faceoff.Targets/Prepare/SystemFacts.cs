using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using Faceoff.Protocol.Model;
using Faceoff.Targets.Processes;

namespace Faceoff.Targets.Prepare;

/// <summary>Collects <see cref="ToolVersions"/> and <see cref="MachineInfo"/>. Anything unreadable becomes "unknown", never an error.</summary>
public static class SystemFacts
{
    public const string Unknown = "unknown";

    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    // Versions of the named distributions plus their installed direct dependencies (starlette, pydantic...),
    // falling back to a module's __version__ for packages installed without metadata.
    private const string PackagesScript = """
        import importlib, importlib.metadata as md, json, re, sys
        def version(name):
            try:
                return md.version(name)
            except Exception:
                try:
                    return str(getattr(importlib.import_module(name), "__version__", "unknown"))
                except Exception:
                    return None
        packages = {}
        for name in sys.argv[1:]:
            packages[name] = version(name) or "not installed"
            try:
                requires = md.requires(name) or []
            except Exception:
                requires = []
            for requirement in requires:
                if "extra ==" in requirement:
                    continue
                dependency = re.split(r"[\s;<>=!~\[(]", requirement, maxsplit=1)[0]
                found = version(dependency) if dependency and dependency not in packages else None
                if found:
                    packages[dependency] = found
        print(json.dumps({"python": sys.version.split()[0], "executable": sys.executable, "packages": packages}))
        """;

    /// <param name="python">The interpreter whose packages to record; null when no framework uses Python.</param>
    /// <param name="pythonPackages">Distribution names to record (their direct dependencies are added).</param>
    /// <param name="repositoryDirectory">Where git and <c>dotnet --version</c> run.</param>
    public static async Task<ToolVersions> CollectVersionsAsync(
        string? python, IEnumerable<string> pythonPackages, string repositoryDirectory, CancellationToken ct)
    {
        var sdk = await FirstLineAsync("dotnet", ["--version"], repositoryDirectory, ct).ConfigureAwait(false);
        var sha = await FirstLineAsync("git", ["-C", repositoryDirectory, "rev-parse", "HEAD"], repositoryDirectory, ct).ConfigureAwait(false);
        bool? dirty = null;
        if (sha != Unknown)
        {
            var status = await CommandRunner.RunAsync(
                "git", ["-C", repositoryDirectory, "status", "--porcelain", "--untracked-files=no"], ToolTimeout, ct).ConfigureAwait(false);
            dirty = status.Succeeded ? status.Output.Trim().Length > 0 : null;
        }

        string? pythonVersion = null, executable = null;
        var packages = ImmutableSortedDictionary<string, string>.Empty;
        if (python is not null)
        {
            var probe = await CommandRunner.RunAsync(python, ["-c", PackagesScript, .. pythonPackages], ToolTimeout, ct).ConfigureAwait(false);
            var json = probe.Output.Split('\n').LastOrDefault(l => l.StartsWith('{'));
            if (probe.Succeeded && json is not null)
            {
                (pythonVersion, executable, packages) = ParsePackages(json);
            }
        }

        return new ToolVersions(
            RuntimeInformation.FrameworkDescription,
            sdk,
            FaceoffVersion(),
            sha,
            dirty,
            pythonVersion,
            executable,
            packages,
            Kernel(),
            OperatingSystemName());
    }

    public static MachineInfo CollectMachine()
    {
        var cpuModel = Unknown;
        var processors = 0;
        foreach (var line in ReadLines("/proc/cpuinfo"))
        {
            if (line.StartsWith("processor", StringComparison.Ordinal))
            {
                processors++;
            }
            else if (cpuModel == Unknown && line.StartsWith("model name", StringComparison.Ordinal))
            {
                cpuModel = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }

        var memory = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return new MachineInfo(
            cpuModel,
            processors > 0 ? processors : Environment.ProcessorCount,
            memory is null ? 0 : ProcFs.ParseKiB(memory),
            Kernel(),
            OperatingSystemName(),
            RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant());
    }

    /// <summary>faceoff's informational version (e.g. <c>0.1.0+sha</c>).</summary>
    public static string FaceoffVersion() =>
        typeof(SystemFacts).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? Unknown;

    /// <summary>The same string as <c>uname -r</c>, without starting a process.</summary>
    public static string Kernel() => ReadLines("/proc/sys/kernel/osrelease").FirstOrDefault()?.Trim() ?? Unknown;

    /// <summary>PRETTY_NAME from /etc/os-release.</summary>
    public static string OperatingSystemName()
    {
        var line = ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
        return line is null ? RuntimeInformation.OSDescription : line["PRETTY_NAME=".Length..].Trim().Trim('"');
    }

    private static (string? Version, string? Executable, ImmutableSortedDictionary<string, string> Packages) ParsePackages(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            return (
                root.GetProperty("python").GetString(),
                root.GetProperty("executable").GetString(),
                root.GetProperty("packages").EnumerateObject()
                    .ToImmutableSortedDictionary(p => p.Name, p => p.Value.GetString() ?? Unknown, StringComparer.Ordinal));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, null, ImmutableSortedDictionary<string, string>.Empty);
        }
    }

    private static async Task<string> FirstLineAsync(string command, string[] args, string directory, CancellationToken ct)
    {
        var outcome = await CommandRunner.RunAsync(command, args, ToolTimeout, ct, workingDirectory: directory).ConfigureAwait(false);
        var first = outcome.Output.Split('\n').FirstOrDefault()?.Trim();
        return outcome.Succeeded && !string.IsNullOrEmpty(first) ? first : Unknown;
    }

    private static string[] ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
