using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Faceoff.Parity;

/// <summary>The report's on-disk form: snake_case names and enum values, indented, nulls kept so absent evidence is visible.</summary>
public static class ParityReportJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,

        // The report is read by people and tools, never embedded in HTML: keep quotes, '×' and '…' legible.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Serialize(ParityReport report) => JsonSerializer.Serialize(report, Options);

    public static ParityReport? Deserialize(string json) => JsonSerializer.Deserialize<ParityReport>(json, Options);

    /// <summary>Writes the report, creating the directory; returns the full path written.</summary>
    public static async Task<string> WriteAsync(ParityReport report, string path, CancellationToken ct)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, Serialize(report) + "\n", ct).ConfigureAwait(false);
        return full;
    }
}
