using System.Runtime.InteropServices;

namespace Faceoff.Cli.Tests;

[Collection(CompareConsoleGroup.Name)]
public sealed class VersionCommandTests
{
    [Fact]
    public async Task Version_prints_the_tool_the_runtime_and_the_os_and_succeeds()
    {
        var (code, output, _) = await ConsoleRun.RunAsync("version");

        Assert.Equal(ExitCodes.Success, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^faceoff \d+\.\d+\.\d+", lines[0]);
        Assert.Equal($".NET {RuntimeInformation.FrameworkDescription}", lines[1]);
        Assert.StartsWith($"OS {RuntimeInformation.OSDescription}", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_is_a_usage_error()
    {
        var code = await FaceoffApp.RunAsync(["no-such-verb"]);
        Assert.Equal(ExitCodes.Usage, code);
    }
}
