using System.Text.Json;
using System.Text.Json.Serialization;

namespace Faceoff.RefApp.AspNet;

internal sealed record StatusPayload(
    [property: JsonPropertyName("server")] string Server,
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("timestamp")] long Timestamp);

internal sealed record EchoPayload(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("path")] string Path);

internal sealed record DbItem(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("amount")] int Amount,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("created")] string Created);

internal sealed record DbReadPayload(
    [property: JsonPropertyName("items")] IReadOnlyList<DbItem> Items,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("limit")] int Limit);

[JsonSerializable(typeof(StatusPayload))]
[JsonSerializable(typeof(DbItem))]
[JsonSerializable(typeof(DbReadPayload))]
[JsonSerializable(typeof(EchoPayload))]
internal sealed partial class AppJsonContext : JsonSerializerContext
{
    /// <summary>Compact output escaped exactly like Python's json.dumps(ensure_ascii=False), as Starlette renders it.</summary>
    public static AppJsonContext Wire { get; } = new(new JsonSerializerOptions { Encoder = PythonJsonEncoder.Instance });
}
