using System.Globalization;
using System.Text.Json;
using Faceoff.Campaign.Execution;
using Faceoff.Campaign.Model;
using Faceoff.Hosts.Load;
using Faceoff.Load;
using Faceoff.Protocol.Model;

namespace Faceoff.Campaign.Live;

/// <summary>
/// Passes whose load comes from load hosts: every host runs the shipped <c>faceoff load</c> from a common start
/// instant; the merged result is the pass, and each host's own result is kept under <c>hosts/passes/</c>.
/// </summary>
internal sealed class RemotePasses(CampaignHosts hosts, string runDirectory)
{
    /// <summary>From "now" to the common start: covers the ssh session start and faceoff's own start on a busy host.</summary>
    private static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(3);

    private readonly Dictionary<string, LoadHost> _ready = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly List<HostPassLine> _lines = [];
    private int _sequence;

    public const string PassesDirectory = "hosts/passes";
    public const string IndexFile = "hosts/passes.jsonl";
    public const string SummaryFile = "hosts/summary.md";

    public void Add(LoadHost host) => _ready[host.Host.Name] = host;

    /// <summary>Writes <see cref="SummaryFile"/> (per pair and host: passes, responses, share, rate); nothing when no pass ran remotely.</summary>
    public void WriteSummary()
    {
        lock (_gate)
        {
            if (_lines.Count > 0)
            {
                File.WriteAllText(Path.Combine(runDirectory, SummaryFile), HostSummary.Markdown(_lines));
            }
        }
    }

    public async Task<LoadResult> RunAsync(PairDefinition pair, PassRequest request, CancellationToken ct)
    {
        if (request.Bound.DurationSeconds is not { } seconds)
        {
            throw new LoadHostFailedException($"pair '{pair.Name}': a pass bounded by a request count cannot be split across load hosts; give the passes a duration");
        }
        var all = hosts.LoadHosts(pair).Select(h => _ready[h.Name]).ToList();
        var split = RemoteLoadSpec.Split(request.Concurrency, all.Count);
        // With fewer connections than hosts, the hosts without one stay idle for this pass.
        var used = all.Where((_, i) => split[i] > 0).ToList();
        var scenario = request.Scenario;
        List<string> extra = ["-m", scenario.Method, .. scenario.Headers.SelectMany(h => new[] { "-H", $"{h.Key}: {h.Value}" })];
        if (scenario.Body is { } body)
        {
            extra.AddRange(["--body", body]);
        }
        var target = new Uri(request.BaseUri, scenario.Path);
        var spec = new RemoteLoadSpec(target, 0, TimeSpan.FromSeconds(seconds), ExtraArguments: extra, ConnectionsByHost: [.. split.Where(c => c > 0)]);
        var sequence = Interlocked.Increment(ref _sequence);
        var (merged, outcomes) = await RemoteLoad.RunAsync(used, spec, StartDelay, $"{sequence}-{Guid.NewGuid():N}", ct).ConfigureAwait(false);
        // A pass cancelled because the server died is a crash, not a load host failure.
        ct.ThrowIfCancellationRequested();
        if (merged is null)
        {
            var errors = outcomes.Where(o => o.Error is not null).Select(o => o.Error!);
            throw new LoadHostFailedException($"load from {string.Join(", ", used.Select(h => h.Host.Name))} failed: {string.Join("; ", errors)}");
        }
        var result = MergedResult.From(merged, target.ToString(), scenario.Method, seconds);
        if (request.KeepLoadResult)
        {
            await KeepAsync(pair, request, sequence, merged, ct).ConfigureAwait(false);
        }
        return result;
    }

    /// <summary>Each host's own result beside the merged one, and one index line per measured pass for the report.</summary>
    private async Task KeepAsync(PairDefinition pair, PassRequest request, int sequence, MergedLoad merged, CancellationToken ct)
    {
        var port = request.BaseUri.Port.ToString(CultureInfo.InvariantCulture);
        var stem = $"{sequence:0000}-{request.Scenario.Id}-c{request.Concurrency}-port{port}";
        var directory = Path.Combine(runDirectory, PassesDirectory, pair.Name);
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        foreach (var part in merged.Parts)
        {
            var file = Path.Combine(directory, $"{stem}-{part.Host}.json");
            await File.WriteAllTextAsync(file, LoadResultJson.Serialize(part.Result), ct).ConfigureAwait(false);
            files.Add(Path.GetRelativePath(runDirectory, file));
        }
        var line = new HostPassLine(
            sequence, pair.Name, request.Scenario.Id, request.Concurrency, request.BaseUri.Port,
            merged.Completed, Math.Round(merged.RequestsPerSecond, 2), Math.Round(merged.WindowSeconds, 3), Math.Round(merged.StartSpreadMs, 1),
            [.. merged.Parts.Select(p => new HostPassPart(p.Host, p.Result.Run.Connections, p.Result.Summary.Completed,
                Math.Round(p.Result.Summary.RequestsPerSecond, 2), p.ClockOffset?.OffsetMs, p.ClockOffset?.UncertaintyMs))],
            files);
        var json = JsonSerializer.Serialize(line, HostJson.Options);
        lock (_gate)
        {
            File.AppendAllText(Path.Combine(runDirectory, IndexFile), json + "\n");
            _lines.Add(line);
        }
    }
}

/// <summary>Per pair and load host over the measured passes: how much of the load each host generated.</summary>
internal static class HostSummary
{
    public static string Markdown(IReadOnlyList<HostPassLine> lines)
    {
        var text = new System.Text.StringBuilder("# Load hosts\n\nMeasured passes only; a host's rate is over its own run, the merged rate over the common window.\n\n");
        text.AppendLine("| pair | host | passes | responses | share of responses | mean req/s of the host |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var pair in lines.GroupBy(l => l.Pair))
        {
            var total = pair.Sum(l => l.Completed);
            foreach (var host in pair.SelectMany(l => l.Hosts).GroupBy(h => h.Host).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var completed = host.Sum(h => h.Completed);
                text.AppendLine(CultureInfo.InvariantCulture, $"| {pair.Key} | {host.Key} | {host.Count()} | {completed} | {(total == 0 ? 0 : completed / (double)total):P1} | {host.Average(h => h.RequestsPerSecond):0.0} |");
            }
        }
        return text.ToString();
    }
}

/// <summary>One measured pass from load hosts, as <c>hosts/passes.jsonl</c> records it.</summary>
/// <param name="Completed">The merged count: always the sum of the parts' counts.</param>
internal sealed record HostPassLine(
    int Sequence, string Pair, string Scenario, int Concurrency, int Port, long Completed, double RequestsPerSecond,
    double WindowSeconds, double StartSpreadMs, IReadOnlyList<HostPassPart> Hosts, IReadOnlyList<string> Files);

internal sealed record HostPassPart(string Host, int Connections, long Completed, double RequestsPerSecond, double? ClockOffsetMs, double? ClockUncertaintyMs);

internal static class HostJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}
