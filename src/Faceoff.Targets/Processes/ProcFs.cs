using System.Globalization;

namespace Faceoff.Targets.Processes;

/// <summary>The fields of /proc/&lt;pid&gt;/stat faceoff uses. CPU times are in clock ticks.</summary>
/// <param name="StartTime">Ticks after boot the process started: with the pid, identifies it across pid reuse.</param>
internal readonly record struct ProcStat(
    int Pid, char State, int ParentPid, int GroupId, long UserTime, long SystemTime,
    long ChildUserTime, long ChildSystemTime, ulong StartTime)
{
    public bool IsZombie => State is 'Z' or 'X';
}

/// <summary>Reads /proc. Every reader tolerates a process vanishing mid-read (returns null or skips it).</summary>
internal static class ProcFs
{
    public static ProcStat? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        return ParseStat(text);
    }

    /// <summary>Parses a stat line; the command name is in parentheses and may itself contain spaces or ')'.</summary>
    public static ProcStat? ParseStat(string text)
    {
        var close = text.LastIndexOf(')');
        var open = text.IndexOf('(');
        if (close < 0 || open < 0 || !int.TryParse(text.AsSpan(0, open).Trim(), out var pid))
        {
            return null;
        }

        // Fields after the name, numbered from 0: state, ppid, pgrp, ..., utime=11, stime=12, cutime=13, cstime=14, starttime=19.
        var fields = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 20)
        {
            return null;
        }

        static long L(string s) => long.Parse(s, CultureInfo.InvariantCulture);
        return new ProcStat(
            pid, fields[0][0], (int)L(fields[1]), (int)L(fields[2]),
            L(fields[11]), L(fields[12]), L(fields[13]), L(fields[14]),
            ulong.Parse(fields[19], CultureInfo.InvariantCulture));
    }

    /// <summary>Every process visible in /proc.</summary>
    public static List<ProcStat> ReadAll()
    {
        var all = new List<ProcStat>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && ReadStat(pid) is { } stat)
            {
                all.Add(stat);
            }
        }

        return all;
    }

    /// <summary>A "Name:  value" line of /proc/&lt;pid&gt;/status, or null.</summary>
    public static string? StatusField(int pid, string name)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(name, StringComparison.Ordinal) && line.Length > name.Length && line[name.Length] == ':')
                {
                    return line[(name.Length + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    /// <summary>Current and peak resident memory; both 0 for a zombie or a vanished process.</summary>
    public static (long RssKiB, long PeakKiB) ReadMemory(int pid)
    {
        long rss = 0, peak = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = ParseKiB(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = ParseKiB(line);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return (rss, Math.Max(rss, peak));
    }

    /// <summary>The short command name, for messages.</summary>
    public static string? Comm(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Parses "VmRSS:   1234 kB".</summary>
    public static long ParseKiB(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && long.TryParse(parts[1], out var kib) ? kib : 0;
    }
}
