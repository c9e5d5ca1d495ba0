using System.Runtime.Versioning;

// Everything here drives Linux processes through /proc and POSIX signals.
[assembly: SupportedOSPlatform("linux")]
