using Npgsql;

namespace Faceoff.RefApp.AspNet;

/// <summary>
/// FACEOFF_APP_DATABASE_URL, <c>postgresql://user[:password]@host[:port]/database</c>. asyncpg takes this URL as
/// it is; Npgsql wants a key=value connection string, so it is translated here. Both apps accept exactly the same
/// URLs (apps/fastapi/faceoff_config.py applies the same rules), so one protocol value configures either.
/// </summary>
internal sealed record DatabaseUrl(string Host, int Port, string User, string? Password, string Database)
{
    public const string Shape = "must be postgresql://user[:password]@host[:port]/database, without a query or fragment";

    public static (DatabaseUrl? Url, string? Error) Parse(string raw)
    {
        // The message never repeats the value: it may hold a password.
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("postgresql" or "postgres")
            || uri.Host.Length == 0
            || uri.Query.Length > 0
            || uri.Fragment.Length > 0
            || uri.AbsolutePath.Length < 2
            || uri.AbsolutePath.IndexOf('/', 1) >= 0
            || uri.UserInfo.Length == 0)
        {
            return (null, Shape);
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        var user = Uri.UnescapeDataString(userInfo[0]);
        if (user.Length == 0)
        {
            return (null, Shape);
        }

        var password = userInfo.Length == 2 ? Uri.UnescapeDataString(userInfo[1]) : null;
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host;
        var port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port;
        return (new DatabaseUrl(host, port, user, password, Uri.UnescapeDataString(uri.AbsolutePath[1..])), null);
    }

    /// <summary>
    /// A pool of exactly <paramref name="poolSize"/> connections at most, opened on demand like asyncpg's
    /// (min_size=0). Auto-prepare matches asyncpg, which prepares every statement it runs on each connection.
    /// </summary>
    public string ToConnectionString(int poolSize) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = User,
        Password = Password,
        Database = Database,
        Pooling = true,
        MinPoolSize = 0,
        MaxPoolSize = poolSize,
        MaxAutoPrepare = 8,
        AutoPrepareMinUsages = 1,
    }.ConnectionString;
}
