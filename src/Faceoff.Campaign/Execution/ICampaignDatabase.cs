namespace Faceoff.Campaign.Execution;

/// <summary>
/// The campaign's database, as the runner uses it between and around passes. Data steps throw
/// <see cref="CampaignDatabaseException"/> when the database went away; the cell that needed it fails with that reason.
/// </summary>
public interface ICampaignDatabase
{
    /// <summary>Bumped by every restart: servers started before it hold the old <c>{database_url}</c> and must restart.</summary>
    int Generation { get; }

    bool IsAlive { get; }

    /// <summary>Back to the seeded state, so every writing cell starts from the same table.</summary>
    Task ResetAsync(CancellationToken cancellationToken);

    /// <summary>Rows inserted since the last seed or reset.</summary>
    Task<long> CountInsertedAsync(CancellationToken cancellationToken);

    /// <summary>CPU and RSS of the database's process tree over a pass; null when it is not ours to measure.</summary>
    IResourceMeter? StartMeter();

    /// <summary>A new database in place of a dead one, seeded; returns why that failed, or null.</summary>
    Task<string?> RestartAsync(CancellationToken cancellationToken);
}

/// <summary>The database could not be reached or died mid-step.</summary>
public sealed class CampaignDatabaseException(string message, Exception? inner = null) : Exception(message, inner)
{
    public CampaignDatabaseException()
        : this("database went away")
    {
    }

    public CampaignDatabaseException(string message)
        : this(message, null)
    {
    }
}
