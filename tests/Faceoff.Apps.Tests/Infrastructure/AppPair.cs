namespace Faceoff.Apps.Tests.Infrastructure;

/// <summary>
/// Both reference apps started in one mode, shared by every test of a class (xunit class fixture),
/// so each server starts once per run. Start-up runs both apps in parallel.
/// </summary>
public abstract class AppPair : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string> _environment;
    private RunningApp? _aspNet;
    private RunningApp? _fastApi;

    protected AppPair(IReadOnlyDictionary<string, string> environment) => _environment = environment;

    public HttpClient Client { get; } = Http.NewClient(TimeSpan.FromSeconds(30));

    public RunningApp AspNet => _aspNet ?? throw new InvalidOperationException("fixture not started");

    public RunningApp FastApi => _fastApi ?? throw new InvalidOperationException("fixture not started");

    public RunningApp this[AppKind kind] => kind == AppKind.AspNet ? AspNet : FastApi;

    public async Task InitializeAsync()
    {
        var aspNet = RunningApp.StartAsync(AppKind.AspNet, _environment);
        var fastApi = RunningApp.StartAsync(AppKind.FastApi, _environment);
        try
        {
            await Task.WhenAll(aspNet, fastApi);
        }
        catch
        {
            // One may have started although the other failed; it must not outlive the run.
            await DisposeStartedAsync(aspNet, fastApi);
            throw;
        }

        _aspNet = aspNet.Result;
        _fastApi = fastApi.Result;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_aspNet is not null)
        {
            await _aspNet.DisposeAsync();
        }

        if (_fastApi is not null)
        {
            await _fastApi.DisposeAsync();
        }
    }

    public Task<Exchange> GetAsync(AppKind kind, string pathAndQuery, params (string Name, string Value)[] headers) =>
        Http.GetAsync(Client, this[kind], pathAndQuery, headers);

    public Task<Exchange> SendAsync(AppKind kind, HttpMethod method, string pathAndQuery, params (string Name, string Value)[] headers) =>
        Http.SendAsync(Client, this[kind], method, pathAndQuery, headers);

    /// <summary>The same request to both apps: (ASP.NET Core answer, FastAPI answer).</summary>
    public async Task<(Exchange AspNet, Exchange FastApi)> BothAsync(HttpMethod method, string pathAndQuery, params (string Name, string Value)[] headers)
    {
        var aspNet = SendAsync(AppKind.AspNet, method, pathAndQuery, headers);
        var fastApi = SendAsync(AppKind.FastApi, method, pathAndQuery, headers);
        return (await aspNet, await fastApi);
    }

    private static async Task DisposeStartedAsync(params Task<RunningApp>[] starts)
    {
        foreach (var start in starts)
        {
            if (start.IsCompletedSuccessfully)
            {
                await start.Result.DisposeAsync();
            }
        }
    }
}

public sealed class PlainApps() : AppPair(new Dictionary<string, string> { ["FACEOFF_APP_MODE"] = "plain" });

public sealed class MiddlewareHeavyApps() : AppPair(new Dictionary<string, string>
{
    ["FACEOFF_APP_MODE"] = "middleware_heavy",
    ["FACEOFF_APP_SESSION_KEY"] = MiddlewareHeavyApps.SessionKey,
})
{
    /// <summary>Not the built-in default, so the tests prove the variable is honoured.</summary>
    public const string SessionKey = "apps-tests-session-key";
}

/// <summary>One middleware-heavy pair for every test class that needs the default limits.</summary>
[CollectionDefinition(Name)]
public sealed class MiddlewareHeavyGroup : ICollectionFixture<MiddlewareHeavyApps>
{
    public const string Name = "middleware_heavy apps";
}

public sealed class RateLimitedApps() : AppPair(new Dictionary<string, string>
{
    ["FACEOFF_APP_MODE"] = "middleware_heavy",
    ["FACEOFF_APP_RATE_LIMIT"] = RateLimitedApps.Limit.ToString(),
})
{
    public const int Limit = 3;
}

public sealed class ConstrainedApps() : AppPair(new Dictionary<string, string>
{
    ["FACEOFF_APP_MODE"] = "constrained",
    ["FACEOFF_APP_MAX_INFLIGHT"] = ConstrainedApps.MaxInflight.ToString(),
})
{
    /// <summary>Not the default of 4, so the tests prove the variable is honoured.</summary>
    public const int MaxInflight = 3;
}
