using System.Text;
using System.Text.Json;
using Faceoff.Reporting;
using Faceoff.Reporting.Model;

namespace Faceoff.Cli.Compare;

/// <summary>A campaign report read for comparison, or every located reason it cannot be used.</summary>
internal sealed record LoadedReport(string Path, CampaignReport? Report, IReadOnlyList<string> Errors);

/// <summary>
/// Reads <c>phased_campaign_report.json</c> (or a run directory holding one) for <c>faceoff compare</c>.
/// Problems come back as <c>file:line:col: path: message</c> lines rather than exceptions, so a CI log
/// points straight at the broken spot.
/// </summary>
internal static class ReportFile
{
    private const string SchemaVersionField = "schema_version";

    private static readonly string[] LocationMarkers = [" Path: ", " LineNumber: "];

    public static LoadedReport Load(string argument)
    {
        var path = Directory.Exists(argument) ? Path.Combine(argument, PublicationFiles.Report) : argument;
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed(path, $"{path}: no such file (expected a {PublicationFiles.Report} or the run directory holding it)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, $"{path}: cannot read the file: {e.Message}");
        }

        try
        {
            // The version is checked before the shape: a report from a newer Faceoff should say so, not
            // fail on whichever field happens to have changed first.
            if (SchemaVersionProblem(text, path) is { } problem)
            {
                return Failed(path, problem);
            }
            var report = ReportJson.DeserializeReport(text);
            var duplicates = report.Cells.GroupBy(c => c.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
            return duplicates.Length == 0
                ? new LoadedReport(path, report, [])
                : new LoadedReport(path, null, [.. duplicates.Select(key => $"{path}: $.cells: cell {key} appears more than once")]);
        }
        catch (JsonException e)
        {
            var message = StripLocation(e.Message);
            return Failed(path, e.LineNumber is { } line
                ? $"{path}:{line + 1}:{(e.BytePositionInLine ?? 0) + 1}: {e.Path ?? "$"}: {message}"
                : $"{path}: {message}");
        }
    }

    /// <summary>Null when the top-level <c>schema_version</c> is absent or one this build reads; otherwise the located problem.</summary>
    private static string? SchemaVersionProblem(string text, string path)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return $"{path}:1:1: $: expected a campaign report (a JSON object)";
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isVersion = reader.ValueTextEquals(SchemaVersionField);
            reader.Read();
            if (isVersion)
            {
                var at = Locate(bytes, reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var version))
                {
                    return $"{path}:{at}: $.{SchemaVersionField}: expected an integer";
                }
                return version == CampaignReport.CurrentSchemaVersion
                    ? null
                    : $"{path}:{at}: $.{SchemaVersionField}: report schema version {version} is not supported "
                      + $"(this Faceoff reads version {CampaignReport.CurrentSchemaVersion})";
            }
            reader.Skip();
        }
        return null;
    }

    private static string Locate(byte[] bytes, long index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return $"{line}:{index - lineStart + 1}";
    }

    private static LoadedReport Failed(string path, string error) => new(path, null, [error]);

    // System.Text.Json appends "Path: ... | LineNumber: ... | BytePositionInLine: ..." to its messages;
    // the location is already printed in file:line:col form in front.
    private static string StripLocation(string message)
    {
        var cuts = LocationMarkers
            .Select(marker => message.IndexOf(marker, StringComparison.Ordinal))
            .Where(index => index >= 0)
            .ToArray();
        return cuts.Length == 0 ? message : message[..cuts.Min()].TrimEnd();
    }
}
