using Faceoff.Targets.Native;

namespace Faceoff.Targets.Services;

/// <summary>
/// The account a managed PostgreSQL runs as. PostgreSQL refuses to start as root, so when faceoff is root it
/// runs the server as Debian's <c>postgres</c> account (created by the postgresql package) and hands it the
/// cluster's directories; otherwise the server runs as the current user.
/// </summary>
internal sealed record ServiceUser(string Name, uint Uid, uint Gid, bool Switch)
{
    public const string DebianAccount = "postgres";

    public static (ServiceUser? User, ServiceFinding? Finding) Resolve(string passwdFile = "/etc/passwd")
    {
        if (Libc.GetEffectiveUserId() != 0)
        {
            return (new ServiceUser(Environment.UserName, 0, 0, Switch: false), null);
        }

        foreach (var line in File.Exists(passwdFile) ? File.ReadLines(passwdFile) : [])
        {
            var fields = line.Split(':');
            if (fields.Length >= 4 && fields[0] == DebianAccount
                && uint.TryParse(fields[2], out var uid) && uint.TryParse(fields[3], out var gid) && uid != 0)
            {
                return (new ServiceUser(DebianAccount, uid, gid, Switch: true), null);
            }
        }

        return (null, new ServiceFinding(
            "postgresql-no-user",
            $"faceoff runs as root and PostgreSQL refuses to; there is no '{DebianAccount}' account to run it as. " +
            $"Install Debian's package ({PostgresBinaries.InstallCommand}), which creates it, or run faceoff as an ordinary user"));
    }

    /// <summary>setpriv arguments that switch to this user (empty when no switch is needed).</summary>
    public IEnumerable<string> SetPrivArguments() =>
        Switch ? ["--reuid", Uid.ToString(System.Globalization.CultureInfo.InvariantCulture), "--regid", Gid.ToString(System.Globalization.CultureInfo.InvariantCulture), "--init-groups"] : [];

    /// <summary>Gives <paramref name="directory"/> to this user, mode 0700 (PostgreSQL demands it for the data directory).</summary>
    public string? Own(string directory)
    {
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return Switch && Libc.Chown(directory, Uid, Gid) != 0
            ? $"cannot give {directory} to user {Name} (chown failed with errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()})"
            : null;
    }

    /// <summary>
    /// The first ancestor of <paramref name="directory"/> this user cannot enter (e.g. /root, mode 0700), which would
    /// make the server fail with a bare "permission denied"; null when the path is open to it.
    /// </summary>
    public string? BlockedAncestor(string directory)
    {
        if (!Switch || OperatingSystem.IsWindows())
        {
            return null;
        }

        for (var dir = Directory.GetParent(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            if (dir.Exists && (File.GetUnixFileMode(dir.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
