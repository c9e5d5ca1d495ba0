using Faceoff.Protocol.Model;
using Npgsql;

namespace Faceoff.Targets.Tests.Support;

/// <summary>Service definitions and a direct connection for the PostgreSQL tests.</summary>
internal static class Postgres
{
    /// <summary>Settings that differ from PostgreSQL's defaults, so the tests prove they are applied.</summary>
    public static ServiceDefinition Definition(int seedRows) =>
        new("postgres", ServiceKind.PostgreSql, null, new ManagedPostgresSettings("64MB", "off", 40), seedRows);

    /// <summary>A connection string for the service's URL, as an app would derive it.</summary>
    public static string ConnectionString(string url)
    {
        var uri = new Uri(url);
        var userInfo = uri.UserInfo.Split(':', 2);
        return new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port,
            Username = userInfo[0],
            Password = userInfo[1],
            Database = uri.AbsolutePath.TrimStart('/'),
            Pooling = false,
        }.ConnectionString;
    }
}
