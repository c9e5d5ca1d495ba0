using Faceoff.Load;
using Faceoff.Parity.Tests.Fixtures;

namespace Faceoff.Parity.Tests;

/// <summary>The sampler plugged into the real load engine: parity must hold under load, not only in the gate.</summary>
public class SamplingUnderLoadTests
{
    [Fact]
    public async Task A_conforming_server_has_no_violations_under_load()
    {
        await using var app = await FakeApp.StartAsync();

        var result = await LoadEngine.RunAsync(Options(app));

        Assert.True(result.Summary.Sampled > 0);
        Assert.Equal(0, result.Summary.Violations);
    }

    [Fact]
    public async Task A_server_that_degrades_under_load_is_flagged_with_the_contract_it_broke()
    {
        await using var app = await FakeApp.StartAsync(Flaw.DegradesUnderLoad);

        var result = await LoadEngine.RunAsync(Options(app));

        Assert.True(result.Summary.Violations > 0);
        Assert.Contains(result.ViolationMessages, m => m.Contains("status: api_status: status 503, expected 200", StringComparison.Ordinal));
        Assert.Contains(result.ViolationMessages, m => m.Contains("json.parse: api_status: body is not JSON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_short_pass_is_checked_even_when_every_100th_would_check_none_of_it()
    {
        // Conforms for 50 requests, then breaks: "every 100th" alone checked 0 of these 93 responses.
        await using var app = await FakeApp.StartAsync(Flaw.DegradesUnderLoad);

        var result = await LoadEngine.RunAsync(Options(app) with { Requests = 93, SampleEvery = 100 });

        Assert.True(result.Summary.Sampled >= 50, $"{result.Summary.Sampled} of 93 checked");
        Assert.True(result.Summary.Violations > 0);
    }

    private static LoadOptions Options(FakeApp app) => new()
    {
        Url = new Uri(app.BaseUri, TestProtocol.ApiStatus.Path),
        Connections = 2,
        Threads = 1,
        Requests = 400,
        Sampler = new ContractSampler(TestProtocol.ApiStatus),
        SampleEvery = 5,
    };
}
