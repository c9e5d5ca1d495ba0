using System.Globalization;
using System.Text;

namespace Faceoff.RefApp.AspNet;

/// <summary>Which middleware stack the app runs; chosen once at start by FACEOFF_APP_MODE.</summary>
internal enum AppMode
{
    Plain,
    MiddlewareHeavy,
    Constrained,
}

/// <summary>
/// The validated start-up configuration. The FastAPI app (apps/fastapi/faceoff_config.py) reads the
/// same variables with the same rules, so one environment block configures either app identically.
/// </summary>
internal sealed record AppSettings(AppMode Mode, byte[] SessionKey, int RateLimitPerSecond, int MaxInflight, int CrashAfter, DatabaseUrl? Database, int DbPoolSize)
{
    public const string DefaultSessionKey = "faceoff-reference-session-key";
    public const int DefaultDbPoolSize = 16;

    /// <summary>Reads and validates the FACEOFF_APP_* variables; returns every problem found instead of throwing.</summary>
    public static (AppSettings? Settings, IReadOnlyList<string> Errors) Load(Func<string, string?> getVariable)
    {
        var errors = new List<string>();
        var mode = ParseMode(getVariable("FACEOFF_APP_MODE"), errors);
        var sessionKey = getVariable("FACEOFF_APP_SESSION_KEY");
        var rateLimit = ParseCount(getVariable, "FACEOFF_APP_RATE_LIMIT", 1_000_000, minimum: 1, errors);
        var maxInflight = ParseCount(getVariable, "FACEOFF_APP_MAX_INFLIGHT", 4, minimum: 1, errors);
        var crashAfter = ParseCount(getVariable, "FACEOFF_APP_CRASH_AFTER", 0, minimum: 0, errors);
        var poolSize = ParseCount(getVariable, "FACEOFF_APP_DB_POOL_SIZE", DefaultDbPoolSize, minimum: 1, errors);
        var database = ParseDatabaseUrl(getVariable("FACEOFF_APP_DATABASE_URL"), errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var key = Encoding.UTF8.GetBytes(string.IsNullOrEmpty(sessionKey) ? DefaultSessionKey : sessionKey);
        return (new AppSettings(mode, key, rateLimit, maxInflight, crashAfter, database, poolSize), errors);
    }

    private static AppMode ParseMode(string? raw, List<string> errors)
    {
        switch (raw)
        {
            case null or "" or "plain":
                return AppMode.Plain;
            case "middleware_heavy":
                return AppMode.MiddlewareHeavy;
            case "constrained":
                return AppMode.Constrained;
            default:
                errors.Add($"FACEOFF_APP_MODE must be plain, middleware_heavy or constrained (got '{raw}')");
                return AppMode.Plain;
        }
    }

    private static DatabaseUrl? ParseDatabaseUrl(string? raw, List<string> errors)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        var (url, error) = DatabaseUrl.Parse(raw);
        if (error is not null)
        {
            errors.Add($"FACEOFF_APP_DATABASE_URL {error}");
        }

        return url;
    }

    // Digits only, like the Python side's fullmatch("[0-9]+"): no signs, spaces or separators.
    private static int ParseCount(Func<string, string?> getVariable, string name, int fallback, int minimum, List<string> errors)
    {
        var raw = getVariable(name);
        if (string.IsNullOrEmpty(raw))
        {
            return fallback;
        }

        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        {
            return value;
        }

        errors.Add($"{name} must be an integer >= {minimum} (got '{raw}')");
        return fallback;
    }
}
