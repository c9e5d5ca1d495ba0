using Faceoff.Targets.Processes;

namespace Faceoff.Targets.Tests;

public sealed class ProcFsTests
{
    [Fact]
    public void Stat_lines_parse_even_when_the_command_name_contains_spaces_and_parentheses()
    {
        var line = "4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 75 3 4 20 0 1 0 98765 1000000 200 1844 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0";

        var stat = ProcFs.ParseStat(line);

        Assert.Equal(new ProcStat(4242, 'S', 1, 4242, 250, 75, 3, 4, 98765), stat);
    }

    [Fact]
    public void Own_stat_and_memory_are_readable()
    {
        var stat = ProcFs.ReadStat(Environment.ProcessId);
        var (rss, peak) = ProcFs.ReadMemory(Environment.ProcessId);

        Assert.Equal(Environment.ProcessId, stat?.Pid);
        Assert.True(rss > 0 && peak >= rss);
        Assert.Null(ProcFs.ReadStat(int.MaxValue));
    }
}
