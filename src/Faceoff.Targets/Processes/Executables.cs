namespace Faceoff.Targets.Processes;

/// <summary>Finds programs the way a shell's exec does, so failures can be reported before anything starts.</summary>
internal static class Executables
{
    /// <summary>
    /// A command containing '/' is a path (relative to <paramref name="workingDirectory"/>); anything else is
    /// searched on <paramref name="pathVariable"/>. Returns the full path, or null when there is no such executable.
    /// </summary>
    public static string? Find(string command, string? pathVariable, string? workingDirectory = null)
    {
        if (command.Length == 0)
        {
            return null;
        }

        if (command.Contains('/'))
        {
            var full = Path.GetFullPath(command, workingDirectory ?? Environment.CurrentDirectory);
            return IsExecutable(full) ? full : null;
        }

        foreach (var dir in (pathVariable ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, command);
            if (IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Null when a framework's start command resolves as <see cref="Find"/> does; otherwise what is wrong, in one line.</summary>
    public static string? StartCommandProblem(string frameworkId, string command, string? pathVariable, string workingDirectory) =>
        Find(command, pathVariable, workingDirectory) is not null
            ? null
            : command.Contains('/')
                ? $"the start command of '{frameworkId}', '{command}', does not exist or is not executable"
                : $"the start command of '{frameworkId}', '{command}', was not found on PATH";

    /// <summary>Looks in this process's PATH, then in /usr/bin and /bin (PATH may be trimmed in CI).</summary>
    public static string? FindSystemTool(string name) =>
        Find(name, Environment.GetEnvironmentVariable("PATH")) ?? Find(name, "/usr/bin:/bin");

    public static bool IsExecutable(string path)
    {
        try
        {
            return File.Exists(path)
                && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
