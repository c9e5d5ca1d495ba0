namespace Faceoff.Cli;

/// <summary>Process exit codes shared by every verb, so scripts can tell failures apart.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run finished but something in it failed (a crashed cell, a regression).</summary>
    public const int Failure = 1;

    /// <summary>Bad command line or bad protocol file: nothing was run.</summary>
    public const int Usage = 2;

    /// <summary>The parity gate failed: the apps do not do the same work.</summary>
    public const int ParityFailure = 3;

    /// <summary>Interrupted by the user (SIGINT/SIGTERM).</summary>
    public const int Interrupted = 130;
}
