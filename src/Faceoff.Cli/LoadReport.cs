using System.Globalization;
using System.Text;
using Faceoff.Load;

namespace Faceoff.Cli;

/// <summary>Human-readable text of a load run: header line, summary, latency distribution, status and errors.</summary>
internal static class LoadReport
{
    public static string Header(LoadOptions options)
    {
        var bound = options.Requests is { } n ? $"{n} requests" : $"{options.Duration!.Value.TotalSeconds:0.###} s";
        var model = options.Rate is { } rate ? $"open loop at {rate:0.###} req/s" : "closed loop";
        return $"Load {options.Method} {options.Url} — {bound}, {model}, {options.Connections} connections, {options.EffectiveThreads} threads, timeout {options.Timeout.TotalSeconds:0.###} s";
    }

    public static string Render(LoadResult result)
    {
        var s = result.Summary;
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("Summary");
        Line(text, "Requests", $"{s.Requests} ({s.Completed} completed, {s.Errors} errors, {s.Non2xx} non-2xx)");
        Line(text, "Elapsed", $"{s.ElapsedSeconds:0.000} s{(result.Run.Cancelled ? " (cancelled)" : "")}{(result.Run.HitHardDeadline ? " (hard deadline reached)" : "")}");
        Line(text, "Throughput", $"{s.RequestsPerSecond:0.0} req/s");
        Line(text, "Transfer", $"{Bytes(s.BytesReadPerSecond)}/s read ({Bytes(s.BytesRead)} total), {Bytes(s.BytesWritten)} written");
        if (result.Run.Rate is not null)
        {
            Line(text, "Schedule", $"{s.LateSends} late sends (>= 1 ms behind schedule), {s.MissedSends} missed");
        }

        if (s.Sampled > 0)
        {
            Line(text, "Sampled", $"{s.Sampled} responses checked, {s.Violations} violations");
        }

        AppendLatency(text, s);
        AppendSeries(text, result);
        AppendCounts(text, "Status codes", result.StatusCounts.Select(p => (p.Key.ToString(CultureInfo.InvariantCulture), p.Value)));
        AppendCounts(text, "Errors", result.ErrorCounts.Select(p => (ErrorName(p.Key), p.Value)));
        foreach (var example in result.ErrorExamples.Concat(result.ViolationMessages))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  e.g. {example}");
        }

        return text.ToString();
    }

    private static void AppendLatency(StringBuilder text, LoadSummary s)
    {
        var corrected = s.UncorrectedLatency is not null;
        text.AppendLine();
        text.AppendLine(corrected
            ? "Latency (ms)            corrected   uncorrected"
            : "Latency (ms)");
        void Row(string label, Func<LatencySummary, double> value)
        {
            var row = $"  {label,-8}{Ms(value(s.Latency)),22}";
            text.AppendLine(corrected ? $"{row}{Ms(value(s.UncorrectedLatency!)),14}" : row);
        }

        Row("mean", l => l.MeanMicros);
        Row("stdev", l => l.StdevMicros);
        foreach (var (label, percentile) in LatencySummary.Percentiles)
        {
            Row(label, l => l.ValueOf(percentile));
        }

        Row("max", l => l.MaxMicros);
    }

    private static void AppendSeries(StringBuilder text, LoadResult result)
    {
        // The last second is usually partial, so it is left out of the spread.
        var full = result.CompletedPerSecond.Take(Math.Max(1, result.CompletedPerSecond.Count - 1)).OrderBy(v => v).ToList();
        if (full.Count == 0)
        {
            return;
        }

        text.AppendLine();
        Line(text, "Per second", $"min {full[0]}, median {full[full.Count / 2]}, max {full[^1]} completed; errors in {result.ErrorsPerSecond.Count(e => e > 0)} of {result.ErrorsPerSecond.Count} seconds");
    }

    private static void AppendCounts(StringBuilder text, string title, IEnumerable<(string Name, long Count)> counts)
    {
        var list = counts.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine(title);
        foreach (var (name, count) in list)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {name,-22}{count,12}");
        }
    }

    private static string ErrorName(LoadErrorKind kind) => kind switch
    {
        LoadErrorKind.ClosedMidResponse => "closed mid-response",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static void Line(StringBuilder text, string label, string value) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"  {label,-12}{value}");

    private static string Ms(double micros) => (micros / 1000).ToString("0.000", CultureInfo.InvariantCulture);

    private static string Bytes(double bytes) => bytes switch
    {
        >= 1 << 30 => $"{bytes / (1 << 30):0.00} GiB",
        >= 1 << 20 => $"{bytes / (1 << 20):0.00} MiB",
        >= 1 << 10 => $"{bytes / (1 << 10):0.00} KiB",
        _ => $"{bytes:0} B",
    };
}
