using Faceoff.Load.Http;

namespace Faceoff.Load.Engine;

internal enum ConnectionState : byte
{
    /// <summary>No request in flight; <see cref="Connection.Fd"/> may or may not be open.</summary>
    Idle,
    Connecting,
    Sending,
    Receiving,

    /// <summary>Waiting until <see cref="Connection.WakeAt"/> after a failed connect.</summary>
    Backoff,
}

/// <summary>One connection's state, owned by a single worker thread.</summary>
internal sealed class Connection(int index, int globalIndex, HttpResponseParser parser)
{
    public int Index { get; } = index;

    public int GlobalIndex { get; } = globalIndex;

    public HttpResponseParser Parser { get; } = parser;

    public int Fd { get; set; } = -1;

    public ConnectionState State { get; set; }

    public int SendOffset { get; set; }

    /// <summary>When the current request actually started.</summary>
    public long StartedAt { get; set; }

    /// <summary>When the current request was meant to start (open loop), else <see cref="StartedAt"/>.</summary>
    public long IntendedAt { get; set; }

    /// <summary>Open loop: the intended start of this connection's next request.</summary>
    public long NextIntended { get; set; }

    /// <summary>Open loop: the first intended start, to count missed sends at the end.</summary>
    public long FirstIntended { get; set; }

    public long Deadline { get; set; }

    public long WakeAt { get; set; }

    public long Sent { get; set; }

    public bool Sampling { get; set; }

    public bool InFlight => State is ConnectionState.Connecting or ConnectionState.Sending or ConnectionState.Receiving;
}
