using System.Globalization;

namespace Faceoff.Targets.Services;

/// <summary>
/// Debian's PostgreSQL server binaries (<c>/usr/lib/postgresql/&lt;major&gt;/bin</c>: initdb, postgres); the newest
/// major version installed wins. They are not on PATH on Debian, which is why they are looked up here.
/// </summary>
public sealed record PostgresBinaries(string BinDirectory, int MajorVersion)
{
    public const string DebianRoot = "/usr/lib/postgresql";

    public const string InstallCommand = "apt-get install postgresql";

    /// <summary>Where to look instead of <see cref="DebianRoot"/> (a directory of versioned installations), for other layouts.</summary>
    public const string RootVariable = "FACEOFF_POSTGRES_ROOT";

    /// <summary>The root this process should search: <see cref="RootVariable"/> when set, else Debian's.</summary>
    public static string RootFromEnvironment() =>
        Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } root ? root : DebianRoot;

    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string Postgres => Path.Combine(BinDirectory, "postgres");

    /// <summary>The newest complete installation under <paramref name="root"/>, or a finding saying what to install.</summary>
    public static (PostgresBinaries? Binaries, ServiceFinding? Finding) Find(string root = DebianRoot)
    {
        IEnumerable<(string Dir, int Major)> candidates = Directory.Exists(root)
            ? Directory.EnumerateDirectories(root)
                .Select(dir => (Dir: dir, Major: int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : -1))
                .Where(c => c.Major > 0)
                .OrderByDescending(c => c.Major)
            : [];
        foreach (var (dir, major) in candidates)
        {
            var binaries = new PostgresBinaries(Path.Combine(dir, "bin"), major);
            if (Processes.Executables.IsExecutable(binaries.InitDb) && Processes.Executables.IsExecutable(binaries.Postgres))
            {
                return (binaries, null);
            }
        }

        return (null, new ServiceFinding(
            "postgresql-missing",
            $"PostgreSQL's server binaries (initdb, postgres) were not found in {root}/<version>/bin; install them with: {InstallCommand} " +
            $"(scripts/install-prereqs.sh does this), set {RootVariable} to where your installations are, or point the service at an existing server with \"dsn\""));
    }
}
