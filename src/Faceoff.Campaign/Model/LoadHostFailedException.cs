namespace Faceoff.Campaign.Model;

/// <summary>
/// A pass whose load came from other hosts and one of them failed (connection dropped, faceoff load failed): the
/// pass fails with this reason, as it would for a crashed server, and the campaign continues.
/// </summary>
public sealed class LoadHostFailedException : Exception
{
    public LoadHostFailedException()
        : this("a load host failed")
    {
    }

    public LoadHostFailedException(string message)
        : base(message)
    {
    }

    public LoadHostFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
