using System.Text.Json;
using Faceoff.Campaign.Live;
using Faceoff.Protocol.Model;
using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Publishing;

/// <summary>
/// The report's hosts part, from what the run directory holds (<c>hosts/hosts.json</c> and <c>hosts/passes.jsonl</c>),
/// so a resumed or regenerated report shows the same hosts as the run that measured them.
/// </summary>
internal static class HostsReportReader
{
    /// <returns>Null when the run used this machine alone (the survey never ran).</returns>
    /// <exception cref="IOException">A hosts file is unreadable; the message names the file and the line.</exception>
    public static HostsReport? Read(CampaignProtocol protocol, string runDirectory)
    {
        var hostsPath = Path.Combine(runDirectory, HostSurvey.HostsPath);
        if (!File.Exists(hostsPath))
        {
            return null;
        }
        HostsFile file;
        try
        {
            file = HostsFile.Deserialize(File.ReadAllText(hostsPath));
        }
        catch (JsonException ex)
        {
            throw new IOException($"{HostSurvey.HostsPath}: {ex.Message}", ex);
        }
        return new HostsReport(
            file.Emulated,
            file.Hosts,
            [.. file.Pairs.Select(p => new PairPlacement(p.Pair, p.ServerHost, p.LoadHosts))],
            protocol.Measured.DurationSeconds,
            HostSurvey.WarnShare,
            HostSurvey.RefuseShare,
            Throughput(protocol, ReadPasses(runDirectory)));
    }

    private static List<HostPassLine> ReadPasses(string runDirectory)
    {
        var path = Path.Combine(runDirectory, RemotePasses.IndexFile);
        if (!File.Exists(path))
        {
            return [];
        }
        var lines = new List<HostPassLine>();
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (text.Length == 0)
            {
                continue;
            }
            try
            {
                lines.Add(JsonSerializer.Deserialize<HostPassLine>(text, HostJson.Options) ?? throw new JsonException("JSON null"));
            }
            catch (JsonException ex)
            {
                throw new IOException($"{RemotePasses.IndexFile} line {number}: {ex.Message}", ex);
            }
        }
        return lines;
    }

    /// <summary>Per pair, side, scenario, step and host: passes, responses and the median rates.</summary>
    internal static IReadOnlyList<HostCellThroughput> Throughput(CampaignProtocol protocol, IReadOnlyList<HostPassLine> lines) =>
    [
        .. lines
            .GroupBy(l => (l.Pair, Profile: ProfileOf(protocol, l.Pair, l.Port), l.Scenario, l.Concurrency))
            .OrderBy(g => g.Key.Pair, StringComparer.Ordinal).ThenBy(g => g.Key.Profile, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Scenario, StringComparer.Ordinal).ThenBy(g => g.Key.Concurrency)
            .SelectMany(cell => cell
                .SelectMany(l => l.Hosts.Select(h => (Line: l, Part: h)))
                .GroupBy(x => x.Part.Host, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(host => new HostCellThroughput(
                    cell.Key.Pair, cell.Key.Profile, cell.Key.Scenario, cell.Key.Concurrency, host.Key,
                    host.Count(),
                    host.Sum(x => x.Part.Completed),
                    Median([.. host.Select(x => x.Part.RequestsPerSecond)]),
                    Median([.. host.Select(x => x.Line.RequestsPerSecond)])))),
    ];

    private static string ProfileOf(CampaignProtocol protocol, string pairName, int port) =>
        protocol.Pairs.FirstOrDefault(p => p.Name == pairName) switch
        {
            { } pair when pair.CandidatePort == port => pair.CandidateProfile,
            { } pair when pair.ReferencePort == port => pair.ReferenceProfile,
            _ => $"port {port}",
        };

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
