namespace Faceoff.Targets.Services;

/// <summary>Where and how a managed cluster runs.</summary>
/// <param name="Directory">A new or empty directory for the cluster (data/ and socket/ go inside); the run directory is a good place.</param>
/// <param name="LogDirectory">The server's log goes here, like the frameworks' logs.</param>
/// <param name="Host">Loopback address the server listens on (the protocol's host).</param>
public sealed record ManagedPostgresOptions(string Directory, string LogDirectory, string Host = "127.0.0.1")
{
    /// <summary>Test seam: where Debian's versioned PostgreSQL directories live.</summary>
    public string BinariesRoot { get; init; } = PostgresBinaries.DebianRoot;

    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan InitDbTimeout { get; init; } = TimeSpan.FromSeconds(120);
}
