using System.Diagnostics;

namespace Faceoff.Targets.Tests.Support;

/// <summary>Runs this test assembly as a helper program (see <see cref="Program"/>).</summary>
internal static class Helper
{
    public static Process Start(params string[] args)
    {
        var host = Environment.ProcessPath is { } path && Path.GetFileName(path) == "dotnet" ? path : "dotnet";
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }
}
