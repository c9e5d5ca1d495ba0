using Faceoff.Protocol.Model;

namespace Faceoff.Targets.Services;

/// <summary>The one entry point for the runner: the protocol's service, managed or existing, ready to seed.</summary>
public static class DatabaseServices
{
    /// <summary>
    /// Starts a managed cluster in <paramref name="options"/>' directory, or connects to the <c>dsn</c> server.
    /// Expected failures (binaries missing, no unprivileged user, unreachable server) come back as a finding.
    /// </summary>
    public static Task<ServiceStartResult> StartAsync(ServiceDefinition definition, ManagedPostgresOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.IsManaged
            ? ManagedPostgres.StartAsync(definition, options, ct)
            : ExternalPostgres.ConnectAsync(definition, ct);
    }
}
