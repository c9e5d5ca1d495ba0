using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Faceoff.Reporting.Artifacts;

namespace Faceoff.Reporting.Model;

/// <summary>
/// Reads and writes the report and the manifest: snake_case, indented with two spaces, '\n' line ends,
/// a final newline, and no HTML-escaping of log text (nothing here is embedded in a page unescaped).
/// </summary>
public static class ReportJson
{
    private static readonly ReportJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        Converters = { EnumText.Converter },
    });

    public static string Serialize(CampaignReport report) =>
        JsonSerializer.Serialize(report, Context.CampaignReport) + "\n";

    public static string Serialize(ArtifactManifest manifest) =>
        JsonSerializer.Serialize(manifest, Context.ArtifactManifest) + "\n";

    /// <exception cref="JsonException">The text is not a campaign report of a known schema version.</exception>
    public static CampaignReport DeserializeReport(string json)
    {
        // A previous version's report is moved to the current shape first; a current one is read as it is,
        // so a broken field is reported at its own line and column.
        var report = (SchemaVersionOf(json) == ReportV1Migration.FromVersion
                ? JsonNode.Parse(json) is JsonObject v1 ? ReportV1Migration.Upgrade(v1).Deserialize(Context.CampaignReport) : null
                : JsonSerializer.Deserialize(json, Context.CampaignReport))
            ?? throw new JsonException("The report is JSON null.");
        return report.SchemaVersion == CampaignReport.CurrentSchemaVersion
            ? report
            : throw new JsonException(
                $"Report schema version {report.SchemaVersion} is not supported (this Faceoff reads version {CampaignReport.CurrentSchemaVersion}).");
    }

    /// <summary>The versions <see cref="DeserializeReport"/> reads: the current one and the one before it.</summary>
    public static bool IsReadable(int schemaVersion) =>
        schemaVersion is CampaignReport.CurrentSchemaVersion or ReportV1Migration.FromVersion;

    /// <summary>The top-level version; null for text that is not JSON, which the typed read then locates by field.</summary>
    internal static int? SchemaVersionOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("schema_version", out var version)
                && version.TryGetInt32(out var number) ? number : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <exception cref="JsonException">The text is not an artifact manifest.</exception>
    public static ArtifactManifest DeserializeManifest(string json) =>
        JsonSerializer.Deserialize(json, Context.ArtifactManifest) ?? throw new JsonException("The manifest is JSON null.");

    public static CampaignReport ReadReport(string path) => DeserializeReport(File.ReadAllText(path, Encoding.UTF8));

    public static ArtifactManifest ReadManifest(string path) => DeserializeManifest(File.ReadAllText(path, Encoding.UTF8));
}

[JsonSerializable(typeof(CampaignReport))]
[JsonSerializable(typeof(ArtifactManifest))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
