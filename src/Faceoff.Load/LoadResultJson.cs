using System.Text.Json;
using System.Text.Json.Serialization;
using HdrHistogram;
using HdrHistogram.Utilities;

namespace Faceoff.Load;

/// <summary>
/// Stores a <see cref="LoadResult"/> as JSON and reads it back. Histograms travel as base64 of HdrHistogram's
/// compressed encoding, so any HdrHistogram implementation can decode them and recompute any percentile.
/// </summary>
public static class LoadResultJson
{
    /// <summary>Identifies the document shape; bump when it changes incompatibly.</summary>
    public const string Format = "faceoff-load-result/1";


    public static string Serialize(LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var document = new Document
        {
            Format = Format,
            Run = result.Run,
            Summary = result.Summary,
            LatencyHistogram = EncodeHistogram(result.Latency),
            UncorrectedLatencyHistogram = result.UncorrectedLatency is null ? null : EncodeHistogram(result.UncorrectedLatency),
            CompletedPerSecond = result.CompletedPerSecond,
            ErrorsPerSecond = result.ErrorsPerSecond,
            StatusCounts = result.StatusCounts.ToDictionary(p => p.Key, p => p.Value),
            ErrorCounts = result.ErrorCounts.ToDictionary(p => p.Key, p => p.Value),
            ErrorExamples = result.ErrorExamples,
            ViolationMessages = result.ViolationMessages,
            WorkerSteadyStateAllocatedBytes = result.WorkerSteadyStateAllocatedBytes,
        };
        return JsonSerializer.Serialize(document, LoadResultJsonContext.Default.Document);
    }

    /// <exception cref="JsonException">The text is not a load result of this <see cref="Format"/>.</exception>
    public static LoadResult Deserialize(string json)
    {
        var d = JsonSerializer.Deserialize(json, LoadResultJsonContext.Default.Document) ?? throw new JsonException("empty document");
        if (d.Format != Format)
        {
            throw new JsonException($"unsupported load result format '{d.Format}' (expected '{Format}')");
        }

        return new LoadResult
        {
            Run = d.Run ?? throw new JsonException("missing 'run'"),
            Summary = d.Summary ?? throw new JsonException("missing 'summary'"),
            Latency = DecodeHistogram(d.LatencyHistogram ?? throw new JsonException("missing 'latencyHistogram'")),
            UncorrectedLatency = d.UncorrectedLatencyHistogram is null ? null : DecodeHistogram(d.UncorrectedLatencyHistogram),
            CompletedPerSecond = d.CompletedPerSecond ?? [],
            ErrorsPerSecond = d.ErrorsPerSecond ?? [],
            StatusCounts = d.StatusCounts ?? [],
            ErrorCounts = d.ErrorCounts ?? [],
            ErrorExamples = d.ErrorExamples ?? [],
            ViolationMessages = d.ViolationMessages ?? [],
            WorkerSteadyStateAllocatedBytes = d.WorkerSteadyStateAllocatedBytes ?? [],
        };
    }

    /// <summary>Base64 of the histogram's compressed (V2, deflate) encoding.</summary>
    public static string EncodeHistogram(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var buffer = ByteBuffer.Allocate(histogram.GetNeededByteBufferCapacity());
        var length = histogram.EncodeIntoCompressedByteBuffer(buffer);

        // ByteBuffer exposes no array view, so the encoded bytes are read back one by one (a few KiB, once).
        var bytes = new byte[length];
        buffer.Position = 0;
        for (var i = 0; i < length; i++)
        {
            bytes[i] = buffer.Get();
        }

        return Convert.ToBase64String(bytes);
    }

    /// <exception cref="FormatException">Not base64 of a compressed HdrHistogram.</exception>
    public static LongHistogram DecodeHistogram(string base64)
    {
        var decoded = HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(Convert.FromBase64String(base64)), 0);
        if (decoded is LongHistogram histogram)
        {
            return histogram;
        }

        var copy = LatencyHistograms.Create();
        copy.Add(decoded);
        return copy;
    }

    /// <summary>The stored shape (not private: the source-generated serializer must reach it).</summary>
    internal sealed class Document
    {
        public string? Format { get; init; }

        public LoadRunInfo? Run { get; init; }

        public LoadSummary? Summary { get; init; }

        public string? LatencyHistogram { get; init; }

        public string? UncorrectedLatencyHistogram { get; init; }

        public IReadOnlyList<long>? CompletedPerSecond { get; init; }

        public IReadOnlyList<long>? ErrorsPerSecond { get; init; }

        public Dictionary<int, long>? StatusCounts { get; init; }

        public Dictionary<LoadErrorKind, long>? ErrorCounts { get; init; }

        public IReadOnlyList<string>? ErrorExamples { get; init; }

        public IReadOnlyList<string>? ViolationMessages { get; init; }

        public IReadOnlyList<long>? WorkerSteadyStateAllocatedBytes { get; init; }
    }
}

/// <summary>Source-generated serializer: no reflection at run time, so writing a result costs little start-up CPU.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    WriteIndented = true,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LoadResultJson.Document))]
internal sealed partial class LoadResultJsonContext : JsonSerializerContext;
