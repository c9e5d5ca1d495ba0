using Faceoff.RefApp.AspNet;
using Npgsql;

var (settings, errors) = AppSettings.Load(Environment.GetEnvironmentVariable);
if (settings is null)
{
    foreach (var error in errors)
    {
        await Console.Error.WriteLineAsync($"faceoff-refapp-aspnet: {error}").ConfigureAwait(false);
    }

    return 2;
}

var builder = WebApplication.CreateSlimBuilder(args);
// Benchmarked server: nothing below a warning reaches the console, so no per-request or start-up chatter.
builder.Logging.SetMinimumLevel(LogLevel.Warning);

// Without FACEOFF_APP_DATABASE_URL the app serves everything else and answers the db endpoints with 503.
await using var dataSource = settings.Database is { } database
    ? new NpgsqlDataSourceBuilder(database.ToConnectionString(settings.DbPoolSize)).Build()
    : null;

var app = builder.Build();
Pipeline.Compose(app, settings);
Endpoints.Map(app, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "index.html")));
DbEndpoints.Map(app, dataSource);
await app.RunAsync().ConfigureAwait(false);
return 0;
