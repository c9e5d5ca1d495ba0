namespace Faceoff.Hosts.Transport;

/// <summary>How a command ended on a host. <see cref="ExitCode"/> is null when it timed out or was cancelled.</summary>
public sealed record HostCommandResult(int? ExitCode, string Output, string Error, TimeSpan Elapsed, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>One line for messages: the exit and the last line of stderr.</summary>
    public string Describe()
    {
        var last = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        var how = TimedOut ? $"timed out after {Elapsed.TotalSeconds:0.#} s" : $"exit {ExitCode}";
        return last is null ? how : $"{how}: {last}";
    }
}
