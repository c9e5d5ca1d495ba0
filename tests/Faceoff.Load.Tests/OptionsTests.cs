using System.Text;
using Faceoff.Load.Http;

namespace Faceoff.Load.Tests;

public sealed class OptionsTests
{
    private static readonly Uri Local = new("http://127.0.0.1:8080/api/status?x=1");

    [Fact]
    public void Valid_options_have_no_findings()
    {
        Assert.Empty(new LoadOptions { Url = Local, Requests = 10 }.Validate());
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var options = new LoadOptions
        {
            Url = new Uri("https://127.0.0.1/"),
            Method = "GE T",
            Headers = [new("Bad Name", "x"), new("X-Ok", "line\r\nbreak")],
            Connections = 0,
            Threads = -1,
            Rate = -5,
            Timeout = TimeSpan.Zero,
            SampleEvery = 0,
        };

        var findings = options.Validate();
        Assert.Equal(10, findings.Count);
        Assert.Contains(findings, f => f.Contains("exactly one bound", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("https", StringComparison.Ordinal));
    }

    [Fact]
    public void Both_bounds_at_once_are_refused()
    {
        var findings = new LoadOptions { Url = Local, Requests = 5, Duration = TimeSpan.FromSeconds(1) }.Validate();
        Assert.Single(findings);
    }

    [Fact]
    public void Threads_never_exceed_connections()
    {
        Assert.Equal(2, new LoadOptions { Url = Local, Connections = 2, Threads = 8, Requests = 1 }.EffectiveThreads);
        Assert.Equal(3, new LoadOptions { Url = Local, Connections = 64, Threads = 3, Requests = 1 }.EffectiveThreads);
    }

    [Fact]
    public async Task Remote_targets_are_refused_unless_allowed()
    {
        var remote = new LoadOptions { Url = new Uri("http://192.0.2.10:8080/"), Requests = 1 };

        var refused = await LoadTarget.ResolveAsync(remote);
        var allowed = await LoadTarget.ResolveAsync(remote with { AllowRemote = true });

        Assert.Null(refused.EndPoint);
        Assert.Contains("--allow-remote", refused.Error, StringComparison.Ordinal);
        Assert.NotNull(allowed.EndPoint);
        await Assert.ThrowsAsync<InvalidOperationException>(() => LoadEngine.RunAsync(remote));
    }

    [Fact]
    public async Task Localhost_resolves_to_loopback()
    {
        var target = await LoadTarget.ResolveAsync(new LoadOptions { Url = new Uri("http://localhost:9/"), Requests = 1 });
        Assert.Null(target.Error);
        Assert.True(System.Net.IPAddress.IsLoopback(target.EndPoint!.Address));
    }

    [Fact]
    public void Request_is_serialized_once_with_host_headers_and_length()
    {
        var options = new LoadOptions
        {
            Url = Local,
            Method = "POST",
            Headers = [new("Accept", "application/json")],
            Body = Encoding.UTF8.GetBytes("{}"),
            Requests = 1,
        };

        var text = Encoding.Latin1.GetString(RequestSerializer.Serialize(options));
        Assert.Equal("POST /api/status?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: application/json\r\nContent-Length: 2\r\n\r\n{}", text);
    }

    [Fact]
    public void Caller_supplied_host_is_not_duplicated()
    {
        var options = new LoadOptions { Url = new Uri("http://127.0.0.1/"), Headers = [new("host", "example.test")], Requests = 1 };
        var text = Encoding.Latin1.GetString(RequestSerializer.Serialize(options));
        Assert.Equal("GET / HTTP/1.1\r\nhost: example.test\r\n\r\n", text);
    }
}
