using Faceoff.Campaign.Execution;
using Faceoff.Statistics;

namespace Faceoff.Campaign.Tests.Fakes;

/// <summary>A database without a process: passes may insert rows or kill it; a restart bumps the generation.</summary>
internal sealed class FakeDatabase : ICampaignDatabase
{
    public int Generation { get; private set; } = 1;

    public bool IsAlive { get; set; } = true;

    public long Inserted { get; set; }

    public int Resets { get; private set; }

    public bool RestartFails { get; set; }

    public Task ResetAsync(CancellationToken cancellationToken)
    {
        Alive();
        Resets++;
        Inserted = 0;
        return Task.CompletedTask;
    }

    public Task<long> CountInsertedAsync(CancellationToken cancellationToken)
    {
        Alive();
        return Task.FromResult(Inserted);
    }

    public IResourceMeter? StartMeter() => new Meter();

    public Task<string?> RestartAsync(CancellationToken cancellationToken)
    {
        if (RestartFails)
        {
            return Task.FromResult<string?>("database postgresql-start-failed: no space left");
        }
        Generation++;
        IsAlive = true;
        Inserted = 0;
        return Task.FromResult<string?>(null);
    }

    private void Alive()
    {
        if (!IsAlive)
        {
            throw new CampaignDatabaseException("database went away: connection refused");
        }
    }

    private sealed class Meter : IResourceMeter
    {
        public ServerResources Stop() => new(0.5, 20_000, 21_000, 22_000);
    }
}
