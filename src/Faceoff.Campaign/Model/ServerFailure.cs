using System.Text.Json.Serialization;

using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Model;

public enum ServerFailureKind
{
    /// <summary>The server never became ready (bad command, port taken, readiness timeout).</summary>
    StartFailed,

    /// <summary>The process exited while the campaign still needed it.</summary>
    Crashed,

    /// <summary>The process is alive but no longer answers its readiness probe.</summary>
    Unresponsive,

    /// <summary>The server was fine but the campaign's database died or could not be reached.</summary>
    DatabaseWentAway,

    /// <summary>The server was fine but a load host of the pass failed (see docs/hosts.md).</summary>
    LoadHostFailed,
}

/// <summary>Why a server let its cell down, with what the process left behind.</summary>
/// <param name="Signal">The signal that ended the process (e.g. "SIGKILL"), when it was one.</param>
/// <param name="LogTail">The last lines of the server log, secrets redacted.</param>
public sealed record ServerFailure(
    Side Side,
    string Profile,
    ServerFailureKind Kind,
    string Message,
    int? ExitCode,
    string? Signal,
    string? LogTail,
    string? LogPath)
{
    [JsonIgnore]
    public string OneLine =>
        $"{Side.Long()} {Profile} {Kind switch
        {
            ServerFailureKind.StartFailed => "did not start",
            ServerFailureKind.Crashed => "crashed",
            ServerFailureKind.DatabaseWentAway => "lost its database",
            ServerFailureKind.LoadHostFailed => "lost a load host",
            _ => "stopped answering",
        }}: {Message}";
}
