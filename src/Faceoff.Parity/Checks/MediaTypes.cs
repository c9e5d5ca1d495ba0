namespace Faceoff.Parity.Checks;

/// <summary>Content-Type handling. Under the Exact charset rule the whole header value is compared ordinally instead.</summary>
public static class MediaTypes
{
    /// <summary>Lower-cased <c>type/subtype</c> without parameters, or null when there is no usable value.</summary>
    public static string? Essence(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var essence = contentType.Split(';', 2)[0].Trim();
        return essence.Length == 0 ? null : essence.ToLowerInvariant();
    }
}
