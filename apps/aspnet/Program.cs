var app = WebApplication.CreateSlimBuilder(args).Build();
app.MapGet("/healthz", () => Results.Text("ok\n", "text/plain"));
await app.RunAsync().ConfigureAwait(false);
