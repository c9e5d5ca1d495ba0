using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Storage;

/// <summary>The one JSON shape of every file the runner writes: snake_case, enums as strings, indented.</summary>
public static class CampaignJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { EnumText.Converter },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}
