namespace Faceoff.Cli.Tests;

public sealed class VersionCommandTests
{
    [Fact]
    public async Task Unknown_verb_is_a_usage_error()
    {
        var code = await FaceoffApp.RunAsync(["no-such-verb"]);
        Assert.Equal(ExitCodes.Usage, code);
    }
}
