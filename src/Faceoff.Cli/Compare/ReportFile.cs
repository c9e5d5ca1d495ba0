using System.Text;
using System.Text.Json;
using Faceoff.Protocol.Json;
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
            var duplicates = report.Sides.GroupBy(c => c.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
            return duplicates.Length == 0
                ? new LoadedReport(path, report, [])
                : new LoadedReport(path, null, [.. duplicates.Select(key => $"{path}: $.sides: side {key} appears more than once")]);
        }
        catch (JsonException e)
        {
            return Failed(path, JsonPosition.Located(path, e, Encoding.UTF8.GetBytes(text)));
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
                var at = JsonPosition.Of(bytes, reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var version))
                {
                    return $"{path}:{at}: $.{SchemaVersionField}: expected an integer";
                }
                return ReportJson.IsReadable(version)
                    ? null
                    : $"{path}:{at}: $.{SchemaVersionField}: report schema version {version} is not supported "
                      + $"(this Faceoff reads versions 1 and {CampaignReport.CurrentSchemaVersion})";
            }
            reader.Skip();
        }
        return null;
    }

    private static LoadedReport Failed(string path, string error) => new(path, null, [error]);
}
