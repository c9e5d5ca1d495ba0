using Faceoff.Protocol.Overrides;
using Faceoff.Targets;

namespace Faceoff.Campaign.Live;

/// <summary>
/// Where servers and the load generator run. Pinning keeps them off each other's cores, which makes runs
/// repeatable on a quiet machine; off by default because on a small machine it also caps both sides.
/// </summary>
/// <param name="ServerCpus">CPU list every server tree is confined to; null when not pinned.</param>
/// <param name="LoadCpus">CPU list faceoff itself (the load engine) is confined to; null when not pinned.</param>
public sealed record ServerPlacement(string? ServerCpus, string? LoadCpus)
{
    public static ServerPlacement Unpinned { get; } = new(null, null);

    /// <summary>"servers: cpu 0; load: cpu 1", or null when nothing is pinned.</summary>
    public string? Description => ServerCpus is null && LoadCpus is null ? null : $"servers: cpu {ServerCpus ?? "any"}; load: cpu {LoadCpus ?? "any"}";

    /// <summary>The placement a <c>--pin</c> setting asks for on this machine.</summary>
    public static ServerPlacement From(CpuPinning? pin) =>
        pin?.Resolve(Environment.ProcessorCount) is { } cpus ? new(CpuList.Format(cpus.ServerCpus), CpuList.Format(cpus.LoadCpus)) : Unpinned;

    /// <summary>Confines this process (the load engine's threads) to <see cref="LoadCpus"/>; returns why that failed, or null.</summary>
    public string? PinLoadGenerator() =>
        LoadCpus is { } cpus && CpuAffinity.PinCurrentProcess(cpus) is { Succeeded: false } result ? result.Failure : null;
}
