using System.Text.Json;

namespace Faceoff.RefApp.AspNet;

/// <summary>
/// A validated db_write body. The rules mirror apps/fastapi/app.py's parse_item: a JSON object (other keys
/// ignored) whose name is a string of 1-200 code points without NUL (PostgreSQL text cannot hold it), amount a
/// JSON integer literal within int32 (not 777.0, not true), category 1-32 lowercase ASCII letters.
/// </summary>
internal sealed record DbItemRequest(string Name, int Amount, string Category)
{
    /// <summary>More than any valid body; a larger one is rejected without being parsed.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    public static async Task<DbItemRequest?> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        return buffer.Length > MaxBodyBytes ? null : Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    internal static DbItemRequest? Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !TryLast(root, "name", out var name) || name.ValueKind != JsonValueKind.String
                || !TryLast(root, "amount", out var amount) || amount.ValueKind != JsonValueKind.Number || !amount.TryGetInt32(out var amountValue)
                || !TryLast(root, "category", out var category) || category.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            string nameValue, categoryValue;
            try
            {
                nameValue = name.GetString()!;
                categoryValue = category.GetString()!;
            }
            catch (InvalidOperationException)
            {
                // A lone surrogate escape (\ud800) has no UTF-8 form; Python's side rejects it too.
                return null;
            }

            var length = nameValue.EnumerateRunes().Count();
            if (length is < 1 or > DbEndpoints.MaxNameLength || nameValue.Contains('\0', StringComparison.Ordinal)
                || !DbEndpoints.CategorySyntax().IsMatch(categoryValue))
            {
                return null;
            }

            return new DbItemRequest(nameValue, amountValue, categoryValue);
        }
    }

    // Python's json keeps the last of duplicate keys; do the same.
    private static bool TryLast(JsonElement root, string key, out JsonElement value)
    {
        value = default;
        var found = false;
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals(key))
            {
                value = property.Value;
                found = true;
            }
        }

        return found;
    }
}
