using System.Collections.Immutable;

namespace Faceoff.Targets.Services;

/// <summary>A problem that stops a service from starting, for the user: what is wrong and what to do.</summary>
/// <param name="Code">Stable id for reports and tests, e.g. <c>postgresql-missing</c>.</param>
public sealed record ServiceFinding(string Code, string Message);

/// <summary>What a service start produced: a ready service, or a finding and the end of its log.</summary>
public sealed record ServiceStartResult(IDatabaseService? Service, ServiceFinding? Finding, string? LogTail = null)
{
    public bool Succeeded => Service is not null;
}

/// <summary>How long a data step took and what the table held afterwards.</summary>
public sealed record DatabaseStep(TimeSpan Elapsed, long Rows, string What);

/// <summary>Everything about the database that changes results, for the methodology.</summary>
/// <param name="Managed">True when Faceoff started the cluster; false for a user's server (<c>dsn</c>).</param>
/// <param name="Settings">The server's values of shared_buffers, synchronous_commit, max_connections, fsync (read back with SHOW).</param>
public sealed record DatabaseDescription(
    string ServiceId,
    bool Managed,
    string ServerVersion,
    string Endpoint,
    string? DataDirectory,
    string? RunAs,
    ImmutableSortedDictionary<string, string> Settings,
    int SeedRows);

/// <summary>
/// A PostgreSQL the campaign uses (see docs/db-integration.md for where each call belongs in a run).
/// Expected failures of the data steps come back as exceptions of type <see cref="DatabaseUnavailableException"/>
/// ("database went away"), never as wrong numbers.
/// </summary>
public interface IDatabaseService : IAsyncDisposable
{
    /// <summary>The value of <c>{database_url}</c>: postgresql://user:password@host:port/database.</summary>
    string ConnectionUrl { get; }

    DatabaseDescription Description { get; }

    /// <summary>Whether the server process (managed) or a connection (dsn) is still there.</summary>
    bool IsAlive { get; }

    /// <summary>Creates the items table and its index, loads the deterministic rows, ANALYZE. Idempotent.</summary>
    Task<DatabaseStep> SeedAsync(CancellationToken ct);

    /// <summary>Back to the seeded state: rows above the seeded ids removed, the id sequence rewound; reseeds if seeded rows changed.</summary>
    Task<DatabaseStep> ResetAsync(CancellationToken ct);

    /// <summary>All rows of items.</summary>
    Task<long> CountRowsAsync(CancellationToken ct);

    /// <summary>Rows inserted since the last seed or reset (ids above the seeded ones): compare with the 201s counted.</summary>
    Task<long> CountInsertedAsync(CancellationToken ct);

    /// <summary>Whether a row with exactly these values was inserted since the last seed or reset.</summary>
    Task<bool> InsertedRowExistsAsync(string name, int amount, string category, CancellationToken ct);

    /// <summary>CPU and memory of the server's process tree now; null for a server Faceoff did not start.</summary>
    ResourceSnapshot? Sample();

    /// <summary>Background sampling for a measured pass; null for a server Faceoff did not start.</summary>
    ResourceSampler? StartSampling(TimeSpan interval);

    /// <summary>Stops a managed server (fast shutdown, then SIGKILL after <paramref name="grace"/>); closes connections of a dsn one.</summary>
    Task StopAsync(TimeSpan grace);
}

/// <summary>The database could not be reached or failed mid-step: the cell that needed it fails with this reason.</summary>
public sealed class DatabaseUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
