using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Faceoff.Cli.Commands;

/// <summary>'faceoff version': tool, runtime and OS, the facts a bug report needs first.</summary>
internal sealed class VersionCommand : Command
{
    public VersionCommand()
        : base("version", "Print Faceoff's version, the .NET runtime and the OS.")
    {
        SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            Console.WriteLine($"faceoff {version}");
            Console.WriteLine($".NET {RuntimeInformation.FrameworkDescription}");
            Console.WriteLine($"OS {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
            return ExitCodes.Success;
        });
    }
}
