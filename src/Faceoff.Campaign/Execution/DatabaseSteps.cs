using Faceoff.Protocol.Model;
using Faceoff.Statistics;

namespace Faceoff.Campaign.Execution;

/// <summary>
/// The database's part of a cell: reset before a writing cell, metering and row counting around each
/// measured pass, and the "database went away" failure when it is gone.
/// </summary>
internal static class DatabaseSteps
{
    public const string WentAway = "database went away";

    /// <summary>Scenarios that change the table: every method but GET and HEAD.</summary>
    public static bool Writes(ScenarioDefinition scenario) => scenario.Method is not ("GET" or "HEAD");

    /// <summary>Resets the table before a writing cell; returns why it could not, or null.</summary>
    public static async Task<string?> BeforeCellAsync(ICampaignDatabase? database, ScenarioDefinition scenario, CancellationToken cancellationToken)
    {
        if (database is null)
        {
            return null;
        }
        if (!database.IsAlive)
        {
            return $"{WentAway} before the cell started";
        }
        if (!Writes(scenario))
        {
            return null;
        }
        try
        {
            await database.ResetAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (CampaignDatabaseException e)
        {
            return Reason(e);
        }
    }

    public static string Reason(CampaignDatabaseException e) =>
        e.Message.StartsWith(WentAway, StringComparison.Ordinal) ? e.Message : $"{WentAway}: {e.Message}";

    /// <summary>One pass watched from the database's side: what it inserted and what it cost.</summary>
    public sealed class PassWatch
    {
        private readonly ICampaignDatabase _database;
        private readonly IResourceMeter? _meter;
        private readonly long? _before;

        private PassWatch(ICampaignDatabase database, IResourceMeter? meter, long? before)
        {
            _database = database;
            _meter = meter;
            _before = before;
        }

        /// <summary>Starts watching a measured pass; null when there is no database or the pass is not measured.</summary>
        public static async Task<PassWatch?> StartAsync(ICampaignDatabase? database, ScenarioDefinition scenario, bool measured, CancellationToken cancellationToken)
        {
            if (database is null || !measured)
            {
                return null;
            }
            if (!database.IsAlive)
            {
                throw new CampaignDatabaseException($"{WentAway} before the pass");
            }
            long? before = Writes(scenario) ? await database.CountInsertedAsync(cancellationToken).ConfigureAwait(false) : null;
            return new PassWatch(database, database.StartMeter(), before);
        }

        /// <summary>The measurement with the database's cost and, for a writing pass, the rows inserted against the 201s counted.</summary>
        public async Task<PassMeasurement> FinishAsync(PassMeasurement measurement, CancellationToken cancellationToken)
        {
            var resources = _meter?.Stop();
            if (!_database.IsAlive)
            {
                throw new CampaignDatabaseException($"{WentAway} during the pass");
            }
            WriteReconciliation? writes = null;
            if (_before is { } before)
            {
                var inserted = await _database.CountInsertedAsync(cancellationToken).ConfigureAwait(false) - before;
                writes = new WriteReconciliation(measurement.StatusCounts.GetValueOrDefault("201"), inserted);
            }
            return measurement with { Database = resources, Writes = writes };
        }

        /// <summary>Stops the meter of a pass that failed.</summary>
        public void Abandon() => _meter?.Stop();
    }
}
