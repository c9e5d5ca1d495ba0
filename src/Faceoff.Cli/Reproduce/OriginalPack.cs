using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Faceoff.Campaign;
using Faceoff.Campaign.Storage;
using Faceoff.Cli.Compare;
using Faceoff.Protocol.Json;
using Faceoff.Protocol.Model;
using Faceoff.Reporting.Artifacts;
using Faceoff.Reporting.Model;
using Faceoff.Targets;

namespace Faceoff.Cli.Reproduce;

/// <summary>
/// The run a reproduction re-runs: its report, the protocol exactly as it ran (<c>resolved_protocol.json</c>) and
/// what links the new pack to it. <see cref="ProtocolHashMatches"/> is false when the protocol read back does not
/// hash to the one the run recorded (a pack from a Faceoff whose protocol had other fields): it still runs, and says so.
/// </summary>
internal sealed record OriginalPack(
    string RunDirectory,
    string ReportPath,
    string ReportSha256,
    CampaignReport Report,
    CampaignProtocol Protocol,
    string? RecordedProtocolHash,
    bool ProtocolHashMatches);

/// <summary>Reads an <see cref="OriginalPack"/> from a run directory or its report, or every located reason it cannot be reproduced.</summary>
internal static class OriginalPackReader
{
    public static (OriginalPack? Pack, IReadOnlyList<string> Errors) Read(string argument)
    {
        if (!Directory.Exists(argument) && !File.Exists(argument))
        {
            return (null, [$"{argument}: no such run directory or report (give a run directory or its {Reporting.PublicationFiles.Report})"]);
        }
        var loaded = ReportFile.Load(argument);
        if (loaded.Report is not { } report)
        {
            return (null, loaded.Errors);
        }
        var runDirectory = Path.GetDirectoryName(Path.GetFullPath(loaded.Path))!;
        if (report.Environment.QuickMode)
        {
            return (null, [$"{loaded.Path}: $.environment.quick_mode: the original is a --quick smoke run, which gives no verdicts and makes no claims, so there is nothing to reproduce"]);
        }
        var protocolPath = Path.Combine(runDirectory, CampaignRunner.ResolvedProtocolFile);
        var (protocol, errors) = ReadProtocol(protocolPath);
        if (protocol is null)
        {
            return (null, errors);
        }
        var recorded = RecordedHash(Path.Combine(runDirectory, RunStore.StateFileName));
        var settings = new Dictionary<string, string> { ["cpu_pinning"] = report.Environment.Pinning ?? "off" };
        var matches = recorded is not null && ResolvedProtocol.Hash(protocol, settings) == recorded;
        return (new OriginalPack(runDirectory, loaded.Path, RunFiles.Sha256(loaded.Path), report, protocol, recorded, matches), []);
    }

    private static (CampaignProtocol? Protocol, IReadOnlyList<string> Errors) ReadProtocol(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, [$"{path}: no such file: the pack does not hold the protocol as it ran, so it cannot be re-run exactly"]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [$"{path}: cannot read the file: {e.Message}"]);
        }
        try
        {
            var masked = Masked(JsonNode.Parse(bytes), "$").ToList();
            if (masked.Count > 0)
            {
                // Running with "***" in place of a secret would measure a misconfigured app, not the original.
                return (null, [.. masked.Select(p => $"{path}: {p}: the value was masked ({Redaction.Mask}) when the pack was written, so this protocol cannot be re-run as it ran")]);
            }
            var protocol = CampaignJson.Deserialize<CampaignProtocol>(Encoding.UTF8.GetString(bytes));
            return protocol is null ? (null, [$"{path}:1:1: $: expected the resolved protocol (a JSON object), found null"]) : (protocol, []);
        }
        catch (JsonException e)
        {
            return (null, [JsonPosition.Located(path, e, bytes)]);
        }
    }

    private static IEnumerable<string> Masked(JsonNode? node, string path) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Masked(p.Value, $"{path}.{p.Key}")),
        JsonArray array => array.SelectMany((item, i) => Masked(item, $"{path}[{i}]")),
        JsonValue value when value.TryGetValue<string>(out var text) && text.Contains(Redaction.Mask, StringComparison.Ordinal) => [path],
        _ => [],
    };

    /// <summary>The protocol hash the run recorded in its journal; null when the journal is missing or unreadable.</summary>
    private static string? RecordedHash(string statePath)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(statePath));
            return document.RootElement.TryGetProperty("protocol_hash", out var hash) && hash.ValueKind == JsonValueKind.String ? hash.GetString() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
