using System.Text;
using HdrHistogram;

namespace Faceoff.Load;

/// <summary>Writes a result's histograms in the HdrHistogram interval log format (readable by HistogramLogReader, HdrHistogram tools).</summary>
public static class HdrLog
{
    /// <summary>Tag of the (corrected, in open loop) latency histogram in the log.</summary>
    public const string LatencyTag = "latency";

    /// <summary>Tag of the open-loop latency measured from the actual send time.</summary>
    public const string UncorrectedTag = "uncorrected";

    public static void Write(Stream stream, LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        var start = result.Run.StartedAt;
        var end = start.AddSeconds(result.Summary.ElapsedSeconds);
        var histograms = new List<HistogramBase> { Stamp(result.Latency, LatencyTag, start, end) };
        if (result.UncorrectedLatency is not null)
        {
            histograms.Add(Stamp(result.UncorrectedLatency, UncorrectedTag, start, end));
        }

        // HdrHistogram.NET's writer emits UTF-16; other HdrHistogram tools expect ASCII, so the text is re-encoded.
        var utf16 = new MemoryStream();
        using (var writer = new HistogramLogWriter(utf16))
        {
            writer.Write(start.UtcDateTime, [.. histograms]);
        }

        using var reader = new StreamReader(new MemoryStream(utf16.ToArray()), detectEncodingFromByteOrderMarks: true);
        stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(reader.ReadToEnd()));
    }

    // Copies so the result's own histograms are not mutated by tagging.
    private static HistogramBase Stamp(HistogramBase source, string tag, DateTimeOffset start, DateTimeOffset end)
    {
        var copy = source.Copy();
        copy.Tag = tag;
        copy.StartTimeStamp = start.ToUnixTimeMilliseconds();
        copy.EndTimeStamp = end.ToUnixTimeMilliseconds();
        return copy;
    }
}
