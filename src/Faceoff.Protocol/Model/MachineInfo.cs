namespace Faceoff.Protocol.Model;

/// <summary>
/// The hardware and OS of one machine: read by prepare (this machine) and by the hosts library (remote ones),
/// recorded as it is in the report.
/// </summary>
/// <param name="LogicalCores">Online logical CPUs of the machine, regardless of faceoff's own affinity.</param>
/// <param name="MemoryKib">MemTotal from /proc/meminfo.</param>
public sealed record MachineInfo(
    string CpuModel,
    int LogicalCores,
    long MemoryKib,
    string Kernel,
    string Os,
    string Architecture);
