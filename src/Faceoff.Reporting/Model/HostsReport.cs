using System.Text.Json.Serialization;

namespace Faceoff.Reporting.Model;

/// <summary>
/// Which host ran what in a campaign that used other hosts than this machine: the topology, every host's machine
/// facts and clock offset, the thresholds the offsets were checked against and how much load each load host generated.
/// Absent (null) for a run on this machine alone.
/// </summary>
/// <param name="Emulated">The hosts were network namespaces of one machine (FACEOFF_HOSTS_EMULATED), not separate machines.</param>
/// <param name="PassSeconds">The measured pass duration the clock offsets were checked against; null for passes bounded by a request count.</param>
/// <param name="ClockWarnShare">A clock's |offset| + uncertainty above this share of <paramref name="PassSeconds"/> is a warning.</param>
/// <param name="ClockRefuseShare">Above this share the run is refused before any load.</param>
public sealed record HostsReport(
    bool Emulated,
    IReadOnlyList<HostEntry> Hosts,
    IReadOnlyList<PairPlacement> Pairs,
    double? PassSeconds,
    double ClockWarnShare,
    double ClockRefuseShare,
    IReadOnlyList<HostCellThroughput> Throughput);

/// <summary>One host as the survey found it; the clock fields only for load hosts.</summary>
/// <param name="Description">How it is reached (ssh destination, identity file by path only), never a secret.</param>
public sealed record HostEntry(
    string Name,
    string Description,
    string CpuModel,
    int LogicalCores,
    long MemoryKib,
    string Os,
    string Kernel,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ClockOffsetMs = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ClockUncertaintyMs = null);

/// <summary>Where a pair's two servers ran and where its load came from.</summary>
public sealed record PairPlacement(string Pair, string ServerHost, IReadOnlyList<string> LoadHosts);

/// <summary>
/// One load host's share of one side of one cell over its measured passes (every such pass recorded in
/// <c>hosts/passes.jsonl</c>, including passes of a cell that later failed or was measured again on resume).
/// </summary>
/// <param name="Profile">The side's profile, found by the pass's port; the port itself when it matches neither side.</param>
/// <param name="Requests">Responses this host completed over those passes.</param>
/// <param name="MedianRps">Median over the passes of the host's own rate.</param>
/// <param name="MergedMedianRps">Median over the same passes of the merged rate (all hosts, common window).</param>
public sealed record HostCellThroughput(
    string Pair,
    string Profile,
    string Scenario,
    int Concurrency,
    string Host,
    int Passes,
    long Requests,
    double MedianRps,
    double MergedMedianRps);
