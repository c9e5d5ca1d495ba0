using Faceoff.Hosts.Remote;
using Faceoff.Hosts.Transport;

namespace Faceoff.Hosts.Tests;

public sealed class LocalHostTests
{
    [Fact]
    public async Task Quoted_words_reach_the_shell_unchanged()
    {
        await using var host = new LocalHost();
        string[] words = ["plain", "with space", "it's", "$HOME", "a\"b", "*", ""];

        var result = await host.RunAsync("printf '%s\\n' " + Shell.Join(words), TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(words, result.Output.Split('\n')[..^1]);
    }

    [Fact]
    public async Task A_local_process_is_sampled_and_stopped_like_a_remote_one()
    {
        await using var host = new LocalHost();
        var log = Path.GetTempFileName();
        await using var process = await HostProcess.StartAsync(host, "sleep 300 & sleep 301", log, CancellationToken.None);

        var (snapshot, error) = await ProcessTreeSampler.SampleAsync(host, process.Pid, CancellationToken.None);
        await process.StopAsync();

        Assert.Null(error);
        Assert.True(snapshot!.ProcessCount >= 2, $"saw {snapshot.ProcessCount} processes");
        Assert.True(snapshot.RssKiB > 0);
        Assert.NotNull(await SshHostTests.WaitGoneAsync(host, process.Pid, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Sampler_output_parses_into_a_snapshot()
    {
        const string output = "T 100\nP 10 S 150 50 30 20 2000 2500\nP 11 R 100 0 0 0 1000 1200\nP 12 Z 7 3 0 0 0 0\n";

        var snapshot = ProcessTreeSampler.Parse(output, DateTimeOffset.UnixEpoch);

        Assert.Equal(3.6, snapshot.CpuSeconds, 6);
        Assert.Equal(3000, snapshot.RssKiB);
        Assert.Equal(3700, snapshot.PeakRssKiB);
        Assert.Equal(2, snapshot.ProcessCount);
    }

    [Fact]
    public void Facts_parse_with_unknowns_for_what_is_missing()
    {
        var facts = HostFacts.Parse("model=AMD EPYC 7B13\ncores=4\nmemory=8000000\narch=aarch64\nkernel=6.1.0\nos=\n");

        Assert.Equal("AMD EPYC 7B13", facts.CpuModel);
        Assert.Equal(4, facts.LogicalCores);
        Assert.Equal("arm64", facts.Architecture);
        Assert.Equal("unknown", facts.Os);
    }

    [Fact]
    public void Redaction_masks_passwords_and_tokens_but_keeps_paths()
    {
        var redacted = SshRedaction.Command("sshpass -p 's3cret' ssh -o IdentityFile=/k/id -o PasswordCommand=x DB_PASSWORD=pw1 --token=tk ok");

        Assert.DoesNotContain("s3cret", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("pw1", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("tk ", redacted, StringComparison.Ordinal);
        Assert.Contains("IdentityFile=/k/id", redacted, StringComparison.Ordinal);
        Assert.EndsWith(" ok", redacted, StringComparison.Ordinal);
    }
}
