using Faceoff.Targets;
using ProtocolPinning = Faceoff.Protocol.Overrides.CpuPinning;

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

    /// <summary>
    /// The placement a <c>--pin</c> setting asks for. <c>auto</c> gives the servers the first half of the
    /// online cores and the load generator the rest; with one core there is nothing to split.
    /// </summary>
    public static ServerPlacement From(ProtocolPinning? pin)
    {
        if (pin is null)
        {
            return Unpinned;
        }
        if (!pin.IsAuto)
        {
            return new ServerPlacement(CpuAffinity.Format(pin.ServerCpus), CpuAffinity.Format(pin.LoadCpus));
        }
        var cores = Environment.ProcessorCount;
        if (cores < 2)
        {
            return Unpinned;
        }
        var servers = (cores + 1) / 2;
        return new ServerPlacement(CpuAffinity.Format(Enumerable.Range(0, servers)), CpuAffinity.Format(Enumerable.Range(servers, cores - servers)));
    }

    /// <summary>Confines this process (the load engine's threads) to <see cref="LoadCpus"/>; returns why that failed, or null.</summary>
    public string? PinLoadGenerator() =>
        LoadCpus is { } cpus && CpuAffinity.PinCurrentProcess(cpus) is { Succeeded: false } result ? result.Failure : null;
}
