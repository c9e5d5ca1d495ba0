using System.Runtime.InteropServices;

namespace Faceoff.RefApp.AspNet.Middleware;

/// <summary>
/// Test knob (FACEOFF_APP_CRASH_AFTER=N): the N-th request kills the process on the spot with exit
/// code 134, the way the FastAPI app's os._exit(134) does, so crash capture can be exercised.
/// Nothing is flushed and no shutdown hook runs; the N-th request gets no response.
/// </summary>
internal sealed partial class CrashAfterMiddleware(RequestDelegate next, int crashAfter)
{
    private const int ExitCode = 134;
    private long _seen;

    public Task InvokeAsync(HttpContext context)
    {
        if (Interlocked.Increment(ref _seen) >= crashAfter)
        {
            Console.Error.WriteLine($"faceoff-refapp-aspnet: FACEOFF_APP_CRASH_AFTER={crashAfter} reached, exiting with {ExitCode}");
            Console.Error.Flush();
            // Environment.Exit would wait for the host to drain this very request (deadlock until the
            // shutdown timeout); FailFast exits via SIGABRT and may dump core. _exit is what Python's os._exit calls.
            Exit(ExitCode);
        }

        return next(context);
    }

    [LibraryImport("libc", EntryPoint = "_exit")]
    private static partial void Exit(int status);
}
