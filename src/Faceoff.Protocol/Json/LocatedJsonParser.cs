using System.Text;
using System.Text.Json;
using Faceoff.Protocol.Loading;

namespace Faceoff.Protocol.Json;

/// <summary>The parse of one file: a tree, or the one syntax error that stopped it.</summary>
internal sealed record JsonParseOutcome(JsonNodeAt? Root, ProtocolError? SyntaxError);

/// <summary>
/// Strict JSON (no comments, no trailing commas) parsed with <see cref="Utf8JsonReader"/> into
/// <see cref="JsonNodeAt"/> nodes carrying line, column and path. Columns count characters, not bytes,
/// so they match what an editor shows.
/// </summary>
internal sealed class LocatedJsonParser
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly byte[] _bytes;
    private readonly string _file;
    private readonly List<int> _lineStarts = [0];
    private string _currentPath = JsonPathText.Root;

    private LocatedJsonParser(byte[] bytes, string file)
    {
        _bytes = bytes;
        _file = file;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public static JsonParseOutcome Parse(byte[] content, string file)
    {
        var bytes = content.AsSpan().StartsWith(Utf8Bom) ? content[Utf8Bom.Length..] : content;
        var parser = new LocatedJsonParser(bytes, file);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            MaxDepth = 64,
        });
        try
        {
            reader.Read();
            var root = parser.ReadValue(ref reader, JsonPathText.Root);
            parser._currentPath = JsonPathText.Root;

            // A second top-level value makes Read throw; reaching the end returns false.
            reader.Read();
            return new JsonParseOutcome(root, null);
        }
        catch (JsonException ex)
        {
            var at = JsonPosition.Of(ex, bytes);
            var message = "invalid JSON: " + Humanize(ex.Message);
            return new JsonParseOutcome(null, new ProtocolError(file, at.Line, at.Column, parser._currentPath, message));
        }
    }

    private JsonNodeAt ReadValue(ref Utf8JsonReader reader, string path)
    {
        _currentPath = path;
        var start = (int)reader.TokenStartIndex;
        var at = SpotAt(start, path);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<JsonMember>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    var childPath = JsonPathText.Property(path, name);
                    _currentPath = childPath;
                    var nameAt = SpotAt((int)reader.TokenStartIndex, childPath);
                    reader.Read();
                    members.Add(new JsonMember(name, nameAt, ReadValue(ref reader, childPath)));
                    _currentPath = path;
                }

                return Node(NodeKind.Object, at, start, ref reader, members: members);
            case JsonTokenType.StartArray:
                var items = new List<JsonNodeAt>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, JsonPathText.Index(path, items.Count)));
                    _currentPath = path;
                }

                return Node(NodeKind.Array, at, start, ref reader, items: items);
            case JsonTokenType.String:
                return Node(NodeKind.String, at, start, ref reader, text: reader.GetString());
            case JsonTokenType.Number:
                return Node(NodeKind.Number, at, start, ref reader, text: Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return Node(NodeKind.True, at, start, ref reader);
            case JsonTokenType.False:
                return Node(NodeKind.False, at, start, ref reader);
            default:
                return Node(NodeKind.Null, at, start, ref reader);
        }
    }

    private JsonNodeAt Node(
        NodeKind kind,
        SourceSpot at,
        int start,
        ref Utf8JsonReader reader,
        string? text = null,
        List<JsonMember>? members = null,
        List<JsonNodeAt>? items = null) => new()
        {
            Kind = kind,
            At = at,
            Text = text,
            Raw = Encoding.UTF8.GetString(_bytes, start, (int)reader.BytesConsumed - start),
            Members = members ?? [],
            Items = items ?? [],
        };

    private SourceSpot SpotAt(int offset, string path)
    {
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return new SourceSpot(_file, line + 1, JsonPosition.Characters(_bytes, _lineStarts[line], offset) + 1, path);
    }

    /// <summary>The reader's message without its byte position (the error carries line and column) or advice about reader options.</summary>
    private static string Humanize(string message) => JsonPosition.StripLocation(message)
        .Replace(" which is not supported in this mode. Change the reader options.", ", which JSON does not allow.", StringComparison.Ordinal)
        .Replace(", when isFinalBlock is true", string.Empty, StringComparison.Ordinal)
        .Trim();
}
