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

[JsonSerializable(typeof(StatusPayload))]
[JsonSerializable(typeof(EchoPayload))]
internal sealed partial class AppJsonContext : JsonSerializerContext
{
    /// <summary>Compact output escaped exactly like Python's json.dumps(ensure_ascii=False), as Starlette renders it.</summary>
    public static AppJsonContext Wire { get; } = new(new JsonSerializerOptions { Encoder = PythonJsonEncoder.Instance });
}
