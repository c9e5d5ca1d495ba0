using System.Collections.Immutable;
using System.Text;
using Faceoff.Targets.Processes;

namespace Faceoff.Targets.Prepare;

/// <summary>What to resolve an interpreter for.</summary>
/// <param name="VenvPath">A virtual environment to try (<c>&lt;venv&gt;/bin/python</c>) and, if allowed, to create.</param>
/// <param name="RequirementsPath">What pip installs into a created venv; without it no venv is created.</param>
public sealed record PythonRequest(
    string FrameworkId,
    ImmutableArray<string> RequiredModules,
    string? VenvPath,
    string? RequirementsPath,
    bool CreateVenv,
    string LogDirectory);

/// <summary>
/// Finds a Python that can import a framework's modules. In order: <c>FACEOFF_&lt;ID&gt;_PYTHON</c>, the venv,
/// the system Python (<c>/usr/bin/python3</c>, where Debian's python3-fastapi lives), <c>python3</c> on PATH.
/// When none fits it creates the venv and pip installs the requirements; failing that, it says exactly what to install.
/// </summary>
/// <param name="environment">Reads environment variables (injected so tests control every candidate).</param>
/// <param name="systemPython">The system interpreter to try third.</param>
public sealed class PythonResolver(Func<string, string?>? environment = null, string systemPython = "/usr/bin/python3")
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    // Imports each module and reports every failure, not just the first, so the message lists all that is missing.
    private const string ProbeScript = """
        import importlib, sys
        print("version=" + sys.version.split()[0])
        for name in sys.argv[1:]:
            try:
                importlib.import_module(name)
            except Exception as error:
                print("missing=%s (%s: %s)" % (name, type(error).__name__, error))
        """;

    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    /// <summary>The variable that names an interpreter for a framework: <c>FACEOFF_FASTAPI_PYTHON</c> for "fastapi".</summary>
    public static string OverrideVariable(string frameworkId) =>
        $"FACEOFF_{new string([.. frameworkId.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')])}_PYTHON";

    public async Task<PythonResolution> ResolveAsync(PythonRequest request, CancellationToken ct)
    {
        var tried = new List<PythonCandidate>();
        var variable = OverrideVariable(request.FrameworkId);
        var sources = new List<(string Source, string? Path)>
        {
            (variable, _environment(variable) is { Length: > 0 } named ? named : null),
            ("venv", request.VenvPath is null ? null : VenvPython(request.VenvPath)),
            ("system", systemPython),
            ("PATH", Executables.Find("python3", _environment("PATH")) ?? "python3"),
        };

        foreach (var (source, path) in sources)
        {
            var candidate = path is null
                ? new PythonCandidate(source, null, false, null, "not set")
                : tried.FirstOrDefault(c => c.Path == path) is { } same
                    ? same with { Source = source, Reason = $"same interpreter as {same.Source}: {same.Reason}" }
                    : await ProbeAsync(source, path, request.RequiredModules, ct).ConfigureAwait(false);
            tried.Add(candidate);
            if (candidate.Accepted)
            {
                return new PythonResolution(candidate.Path, candidate.Version, [.. tried], null);
            }
        }

        if (await CreateVenvAsync(request, tried, ct).ConfigureAwait(false) is { Accepted: true } created)
        {
            return new PythonResolution(created.Path, created.Version, [.. tried], null);
        }

        return new PythonResolution(null, null, [.. tried], Explain(request, tried));
    }

    private static string VenvPython(string venv) => Path.Combine(Path.GetFullPath(venv), "bin", "python");

    private async Task<PythonCandidate> ProbeAsync(string source, string path, ImmutableArray<string> modules, CancellationToken ct)
    {
        if (path.Contains('/') && !File.Exists(path))
        {
            return new PythonCandidate(source, path, false, null, "not found");
        }

        if (Executables.Find(path, _environment("PATH")) is null)
        {
            return new PythonCandidate(source, path, false, null, path.Contains('/') ? "not executable" : "not found on PATH");
        }

        var outcome = await CommandRunner.RunAsync(path, ["-c", ProbeScript, .. modules], ProbeTimeout, ct).ConfigureAwait(false);
        var lines = outcome.Output.Split('\n');
        var version = lines.FirstOrDefault(l => l.StartsWith("version=", StringComparison.Ordinal))?["version=".Length..].Trim();
        if (!outcome.Succeeded || version is null)
        {
            var detail = lines.LastOrDefault(l => l.Trim().Length > 0)?.Trim();
            return new PythonCandidate(source, path, false, null, $"does not run as Python ({outcome.Describe()}{(detail is null ? "" : $": {detail}")})");
        }

        var missing = lines.Where(l => l.StartsWith("missing=", StringComparison.Ordinal)).Select(l => l["missing=".Length..].Trim()).ToList();
        return missing.Count == 0
            ? new PythonCandidate(source, path, true, version, null)
            : new PythonCandidate(source, path, false, version, $"Python {version} cannot import {string.Join(", ", missing)}");
    }

    /// <summary>Creates the venv with the first candidate that runs at all, pip installs the requirements, and probes it.</summary>
    private async Task<PythonCandidate?> CreateVenvAsync(PythonRequest request, List<PythonCandidate> tried, CancellationToken ct)
    {
        if (!request.CreateVenv || request.VenvPath is null || request.RequirementsPath is null)
        {
            return null;
        }

        var venv = Path.GetFullPath(request.VenvPath);
        var basePython = tried.FirstOrDefault(c => c.Version is not null)?.Path;
        PythonCandidate Rejected(string reason)
        {
            var candidate = new PythonCandidate("created venv", VenvPython(venv), false, null, reason);
            tried.Add(candidate);
            return candidate;
        }

        if (basePython is null)
        {
            return Rejected("not created: no candidate above runs as Python to create it with");
        }

        if (!File.Exists(request.RequirementsPath))
        {
            return Rejected($"not created: requirements file '{request.RequirementsPath}' does not exist");
        }

        Directory.CreateDirectory(request.LogDirectory);
        var log = Path.Combine(request.LogDirectory, $"venv-{request.FrameworkId}.log");
        var created = await CommandRunner.RunAsync(basePython, ["-m", "venv", venv], InstallTimeout, ct, logPath: log).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return Rejected($"'{basePython} -m venv {venv}' failed ({created.Describe()}); see {log}");
        }

        var pip = await CommandRunner.RunAsync(
            VenvPython(venv), ["-m", "pip", "install", "--disable-pip-version-check", "-r", Path.GetFullPath(request.RequirementsPath)],
            InstallTimeout, ct, logPath: log).ConfigureAwait(false);
        if (!pip.Succeeded)
        {
            return Rejected($"pip install -r {request.RequirementsPath} failed ({pip.Describe()}); see {log}");
        }

        var probed = await ProbeAsync("created venv", VenvPython(venv), request.RequiredModules, ct).ConfigureAwait(false);
        tried.Add(probed);
        return probed;
    }

    private string Explain(PythonRequest request, List<PythonCandidate> tried)
    {
        var modules = string.Join(", ", request.RequiredModules);
        var text = new StringBuilder()
            .AppendLine($"No Python for '{request.FrameworkId}' can import {modules}. Tried, in order:");
        foreach (var c in tried)
        {
            text.AppendLine($"  - {c.Source}{(c.Path is null ? "" : $" ({c.Path})")}: {c.Reason}");
        }

        var pipLine = request.RequirementsPath is null
            ? $"pip install {string.Join(' ', request.RequiredModules)}"
            : $"pip install -r {request.RequirementsPath}";
        text.AppendLine("Install the modules with one of:")
            .AppendLine($"  apt-get install {string.Join(' ', request.RequiredModules.Select(m => $"python3-{m}"))}   (Debian/Ubuntu, for {systemPython})")
            .Append($"  {pipLine}   (into a venv; then point {OverrideVariable(request.FrameworkId)} at its bin/python)");
        return text.ToString();
    }
}
