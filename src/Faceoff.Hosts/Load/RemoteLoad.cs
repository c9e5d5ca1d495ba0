using System.Globalization;
using System.Text.Json;
using Faceoff.Hosts.Remote;
using Faceoff.Hosts.Transport;
using Faceoff.Load;

namespace Faceoff.Hosts.Load;

/// <summary>What each load host runs: <c>faceoff load</c> with these settings (connections are per host).</summary>
/// <param name="ConnectionsByHost">When given, host i opens this many connections instead of <paramref name="ConnectionsPerHost"/> (a total split unevenly).</param>
public sealed record RemoteLoadSpec(
    Uri Target, int ConnectionsPerHost, TimeSpan Duration, int Threads = 0, IReadOnlyList<string>? ExtraArguments = null, IReadOnlyList<int>? ConnectionsByHost = null)
{
    /// <summary>Splits <paramref name="total"/> connections over <paramref name="hosts"/> hosts as evenly as possible, the first ones taking the remainder.</summary>
    public static IReadOnlyList<int> Split(int total, int hosts) =>
        [.. Enumerable.Range(0, hosts).Select(i => (total / hosts) + (i < total % hosts ? 1 : 0))];
}

/// <summary>A load host ready to run: where its shipped Faceoff is, and its clock offset (null = not measured, taken as 0).</summary>
public sealed record LoadHost(IHost Host, string FaceoffPath, ClockOffset? Clock);

/// <summary>One host's outcome: a result, or why there is none.</summary>
public sealed record HostLoadOutcome(string Host, HostLoadPart? Part, string? Error, string Command);

/// <summary>
/// Runs <c>faceoff load</c> on several hosts at once, from a common start instant, and merges what they measured.
/// The caller has already checked the target (<see cref="LoadTargetPolicy"/>), shipped the binary
/// (<see cref="FaceoffBinary.ShipAsync"/>) and measured clock offsets (<see cref="ClockOffsets"/>).
/// </summary>
public static class RemoteLoad
{
    /// <param name="startDelay">From now to the common start: long enough for every host's command to be running.</param>
    /// <param name="runId">Names each host's result file, so concurrent or repeated passes never mix.</param>
    public static async Task<(MergedLoad? Merged, IReadOnlyList<HostLoadOutcome> Outcomes)> RunAsync(
        IReadOnlyList<LoadHost> hosts, RemoteLoadSpec spec, TimeSpan startDelay, string runId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(spec);
        var startAt = DateTimeOffset.UtcNow + startDelay;
        var outcomes = await Task.WhenAll(hosts.Select((host, i) =>
            RunOneAsync(host, spec.ConnectionsByHost is { } split ? spec with { ConnectionsPerHost = split[i] } : spec, startAt, runId, ct))).ConfigureAwait(false);
        var parts = outcomes.Where(o => o.Part is not null).Select(o => o.Part!).ToList();
        return (parts.Count == outcomes.Length ? LoadMerge.Merge(parts) : null, outcomes);
    }

    /// <summary>The shell command one host runs (the target was checked by the caller, so --allow-remote is given).</summary>
    public static string Command(LoadHost host, RemoteLoadSpec spec, DateTimeOffset startAt, string resultPath)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(spec);
        string I(long v) => v.ToString(CultureInfo.InvariantCulture);
        var clockOffsetMs = host.Clock?.OffsetMs ?? 0;

        // --start-at is on the host's clock: the common instant shifted by the host's offset.
        var hostStart = startAt.ToUnixTimeMilliseconds() + (long)Math.Round(clockOffsetMs);
        string[] words =
        [
            host.FaceoffPath, "load", spec.Target.ToString(),
            "-c", I(spec.ConnectionsPerHost), "-t", I(spec.Threads),
            "-d", string.Create(CultureInfo.InvariantCulture, $"{spec.Duration.TotalMilliseconds:0}ms"),
            "--start-at", I(hostStart), "--json", resultPath, "--allow-remote",
            .. spec.ExtraArguments ?? [],
        ];
        return $"{Shell.Join(words)} >/dev/null";
    }

    private static async Task<HostLoadOutcome> RunOneAsync(LoadHost host, RemoteLoadSpec spec, DateTimeOffset startAt, string runId, CancellationToken ct)
    {
        var resultPath = $"{host.Host.WorkDirectory.TrimEnd('/')}/load-{runId}-{host.Host.Name}.json";
        var command = Command(host, spec, startAt, resultPath);
        var printed = host.Host.DescribeCommand(command);
        var budget = (startAt - DateTimeOffset.UtcNow) + spec.Duration + TimeSpan.FromSeconds(60);
        var run = await host.Host.RunAsync($"{command}; rc=$?; cat {Shell.Quote(resultPath)} && rm -f {Shell.Quote(resultPath)}; exit $rc", budget, ct).ConfigureAwait(false);
        if (run.ExitCode is not (0 or 1) || run.Output.Length == 0)
        {
            return new HostLoadOutcome(host.Host.Name, null, $"host '{host.Host.Name}': faceoff load failed: {run.Describe()}", printed);
        }

        try
        {
            var result = LoadResultJson.Deserialize(run.Output);
            var offset = host.Clock is { } c ? new ClockOffsetValue(c.OffsetMs, c.UncertaintyMs) : null;
            var localStart = result.Run.StartedAt.AddMilliseconds(-(offset?.OffsetMs ?? 0));
            return new HostLoadOutcome(host.Host.Name, new HostLoadPart(host.Host.Name, result, offset, localStart), null, printed);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return new HostLoadOutcome(host.Host.Name, null, $"host '{host.Host.Name}': unreadable load result: {ex.Message}", printed);
        }
    }
}
