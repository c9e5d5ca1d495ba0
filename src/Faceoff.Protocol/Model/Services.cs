namespace Faceoff.Protocol.Model;

/// <summary>What a service is; PostgreSQL is the only kind so far.</summary>
public enum ServiceKind
{
    PostgreSql,
}

/// <summary>
/// A backing service the frameworks share (<c>services.&lt;id&gt;</c>): a PostgreSQL cluster Faceoff starts,
/// seeds and resets itself (<see cref="Managed"/>), or an existing server the user runs (<see cref="Dsn"/>).
/// Exactly one of the two is set. Frameworks reach it through the <c>{database_url}</c> placeholder.
/// </summary>
/// <param name="SeedRows">Rows the seed step loads into <c>items</c> (both cases: Faceoff owns that table).</param>
public sealed record ServiceDefinition(string Id, ServiceKind Kind, string? Dsn, ManagedPostgresSettings? Managed, int SeedRows)
{
    public bool IsManaged => Managed is not null;
}

/// <summary>Server settings that change results; they go into the methodology.</summary>
/// <param name="SharedBuffers">PostgreSQL's syntax, e.g. <c>128MB</c>.</param>
/// <param name="SynchronousCommit"><c>on</c>, <c>off</c>, <c>local</c>, <c>remote_write</c> or <c>remote_apply</c>.</param>
public sealed record ManagedPostgresSettings(string SharedBuffers, string SynchronousCommit, int MaxConnections);
