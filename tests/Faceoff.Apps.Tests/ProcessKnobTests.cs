using Faceoff.Apps.Tests.Infrastructure;

namespace Faceoff.Apps.Tests;

/// <summary>Knobs that end the process: each test starts its own short-lived servers.</summary>
public sealed class ProcessKnobTests
{
    private const int CrashAfter = 4;
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(AppKind.AspNet)]
    [InlineData(AppKind.FastApi)]
    public async Task Crash_knob_kills_the_process_on_the_nth_request(AppKind kind)
    {
        await using var app = await RunningApp.StartAsync(kind, new Dictionary<string, string> { ["FACEOFF_APP_CRASH_AFTER"] = $"{CrashAfter}" });
        using var client = Http.NewClient(TimeSpan.FromSeconds(5));

        var answered = app.ProbeResponses;
        for (var attempt = 0; attempt < CrashAfter + 2 && !app.HasExited; attempt++)
        {
            try
            {
                await Http.GetAsync(client, app, "/healthz");
                answered++;
            }
            catch (HttpRequestException)
            {
                break;
            }
        }

        Assert.Equal(134, await app.WaitForExitAsync(ExitTimeout));
        Assert.Equal(CrashAfter - 1, answered);
        Assert.Contains("FACEOFF_APP_CRASH_AFTER", app.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AppKind.AspNet)]
    [InlineData(AppKind.FastApi)]
    public async Task Without_the_knob_the_app_keeps_serving(AppKind kind)
    {
        await using var app = await RunningApp.StartAsync(kind, new Dictionary<string, string>());
        using var client = Http.NewClient(TimeSpan.FromSeconds(5));

        for (var i = 0; i < CrashAfter + 2; i++)
        {
            Assert.Equal(200, (int)(await Http.GetAsync(client, app, "/healthz")).Status);
        }

        Assert.False(app.HasExited);
    }

    [Theory]
    [InlineData(AppKind.AspNet, "FACEOFF_APP_MODE", "fast")]
    [InlineData(AppKind.FastApi, "FACEOFF_APP_MODE", "fast")]
    [InlineData(AppKind.AspNet, "FACEOFF_APP_MAX_INFLIGHT", "0")]
    [InlineData(AppKind.FastApi, "FACEOFF_APP_MAX_INFLIGHT", "0")]
    [InlineData(AppKind.AspNet, "FACEOFF_APP_RATE_LIMIT", "1e6")]
    [InlineData(AppKind.FastApi, "FACEOFF_APP_RATE_LIMIT", "1e6")]
    [InlineData(AppKind.AspNet, "FACEOFF_APP_DB_POOL_SIZE", "0")]
    [InlineData(AppKind.FastApi, "FACEOFF_APP_DB_POOL_SIZE", "0")]
    [InlineData(AppKind.AspNet, "FACEOFF_APP_DATABASE_URL", "mysql://u@127.0.0.1/db")]
    [InlineData(AppKind.FastApi, "FACEOFF_APP_DATABASE_URL", "mysql://u@127.0.0.1/db")]
    [InlineData(AppKind.AspNet, "FACEOFF_APP_DATABASE_URL", "postgresql://127.0.0.1:5432/db")]
    [InlineData(AppKind.FastApi, "FACEOFF_APP_DATABASE_URL", "postgresql://127.0.0.1:5432/db")]
    [InlineData(AppKind.AspNet, "FACEOFF_APP_DATABASE_URL", "postgresql://u@127.0.0.1/db?sslmode=require")]
    [InlineData(AppKind.FastApi, "FACEOFF_APP_DATABASE_URL", "postgresql://u@127.0.0.1/db?sslmode=require")]
    public async Task Invalid_settings_stop_the_app_with_exit_code_2_naming_the_variable(AppKind kind, string variable, string value)
    {
        await using var app = RunningApp.Spawn(kind, new Dictionary<string, string> { [variable] = value });

        Assert.Equal(2, await app.WaitForExitAsync(ExitTimeout));
        // Output is read asynchronously; WaitForExitAsync returns once both streams are drained.
        Assert.Contains(variable, app.Output, StringComparison.Ordinal);
    }
}
