namespace Faceoff.Load;

/// <summary>A response captured for validation: status, every header in order, and the (bounded) body.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Headers">Header fields in the order received; names keep the server's casing.</param>
/// <param name="Body">The decoded body (chunk framing removed), at most the sampler's cap.</param>
/// <param name="BodyTruncated">True when the body was longer than the cap and only its prefix is here.</param>
public readonly record struct SampledResponse(
    int StatusCode,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body,
    bool BodyTruncated)
{
    /// <summary>The first header with this name (case-insensitive), or null.</summary>
    public string? GetHeader(string name)
    {
        foreach (var header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }
}

/// <summary>
/// Validates sampled responses during a run (every k-th response, see <see cref="LoadOptions.SampleEvery"/>).
/// Called concurrently from the engine's worker threads, so implementations must be thread-safe; keep it quick,
/// the time it takes is spent inside the measured loop.
/// </summary>
public interface IResponseSampler
{
    /// <summary>Returns null when the response is acceptable, otherwise a short reason for the violation.</summary>
    string? Check(in SampledResponse response);
}
