using System.Diagnostics;

namespace Faceoff.Targets.Tests.Support;

/// <summary>Runs this test assembly as a helper program (see <see cref="Program"/>).</summary>
internal static class Helper
{
    public static Process Start(params string[] args)
    {
        var host = Environment.ProcessPath is { } path && Path.GetFileName(path) == "dotnet" ? path : "dotnet";
        // A suite started from a non-interactive background shell inherits SIGINT and SIGTERM as ignored, and an
        // ignored signal stays ignored across exec: the helper would never see the signal the test sends. The
        // tests rely on the default dispositions, so they set them (coreutils env, before the runtime starts).
        var info = new ProcessStartInfo("env") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("--default-signal=INT,TERM");
        info.ArgumentList.Add(host);
        info.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }
}
