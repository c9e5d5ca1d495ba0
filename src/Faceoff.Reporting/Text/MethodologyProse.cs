using System.Text;
using Faceoff.Reporting.Model;

namespace Faceoff.Reporting.Text;

/// <summary>The methodology sections that explain Faceoff's fixed methods, filled in with this run's settings.</summary>
internal static class MethodologyProse
{
    // The Replace keeps the output bytes the same when the source is checked out with CRLF line ends.
    public static void AppendLoadEngine(StringBuilder text) => text.Append("""

        ## Load engine

        Load comes from Faceoff's built-in HTTP/1.1 load generator, running in one process next to the servers (the seed
        spawned one `curl` per request and so measured curl, not the servers).

        - Closed loop: the step's concurrency is the number of connections; each connection has exactly one request in
          flight and sends the next as soon as the previous response is complete.
        - Keep-alive: connections are opened once and reused for the whole pass; a connection the server closes is
          reopened and the failed request counted as an error.
        - Latency is measured from sending a request to receiving the last byte of its response and recorded in an
          HdrHistogram (microsecond resolution, 3 significant digits); each pass's histogram log is in the raw bundle.
        - Errors are classified (connect, read, write, timeout, parse, closed mid-response, cancelled); completed
          responses are counted by status code, non-2xx separately.
        - A sample of responses is validated against the scenario's contract during the pass; any violation is recorded
          with its first messages.
        - Completed requests and errors are counted per second, and the server's CPU seconds (whole process tree) and
          resident memory (before, after, peak) are sampled from /proc for every pass.

        """.Replace("\r", "", StringComparison.Ordinal));

    public static void AppendStatistics(CampaignReport report, StringBuilder text)
    {
        var protocol = report.Protocol;
        var band = $"[{Fmt.Fixed(1 - protocol.EquivalenceBand, 2)}, {Fmt.Fixed(1 + protocol.EquivalenceBand, 2)}]";
        text.Append("\n## Statistics\n\n");
        text.Append("- A cell's value is the median of its measured repeats; its spread is given as the interquartile range ")
            .Append("(Q1–Q3) and the coefficient of variation (sample standard deviation ÷ mean).\n");
        text.Append("- A cell is **unstable** when its throughput CV across repeats exceeds the reproducibility bound ")
            .Append(Fmt.Fixed(protocol.MaxCvRatio, 2)).Append(". Within each pass, the CV of the per-second throughput is reported as well. ")
            .Append("A cell launch whose repeats on one side (one server process) spread beyond that bound on their own is measured ")
            .Append("again once on the same processes; the attempt set aside stays in the cell file (`discarded`) and is listed in the notes.\n");
        text.Append("- Ratios are candidate ÷ reference of the cell medians, each with a ")
            .Append(Fmt.Fixed(protocol.ConfidenceLevel * 100, 0)).Append("% confidence interval.\n");
        text.Append("- Verdicts compare the throughput interval with the equivalence band ").Append(band)
            .Append(": entirely inside → no significant difference; entirely above → candidate faster; entirely below → ")
            .Append("candidate slower; across an edge → inconclusive (more repeats are needed). A row is not publishable ")
            .Append("when parity was skipped, a cell failed or is unstable, or a cell had errors or contract violations.\n");
        text.Append("- The seed's columns: `throughput_advantage_pct` = (candidate req/s ÷ reference req/s − 1) × 100; ")
            .Append("`latency_advantage_pct` = (reference p50 ÷ candidate p50 − 1) × 100. Positive favours the candidate.\n");
        if (LaunchText.Warning(report.Comparisons) is { } warning)
        {
            text.Append("- **").Append(warning).Append("**\n");
        }
        if (report.StatisticsMethod.Count > 0)
        {
            text.Append("\nMethod details, as recorded by the statistics library:\n\n");
            foreach (var line in report.StatisticsMethod)
            {
                text.Append("- ").Append(line).Append('\n');
            }
        }
    }

    public static void AppendPublishability(CampaignReport report, StringBuilder text)
    {
        text.Append("\n## What \"not publishable\" means\n\n");
        text.Append("A comparison is only as good as the evidence that both apps do the same work. When the parity gate was ")
            .Append("skipped or did not pass, every comparison row is marked not publishable and every claim unverified: the ")
            .Append("numbers may be read but must not be quoted as a result. A single row is also not publishable when one of ")
            .Append("its cells failed, was unstable, or had errors or contract violations under load.\n\n");
        text.Append("This run: ").Append(report.Publishable
            ? "the parity gate passed, so its clean rows may be published."
            : report.Environment.SkipParity
                ? "**the parity gate was skipped, so nothing in it is publishable.**"
                : $"**the parity gate {EnumText.Words(report.Parity.Status)}, so nothing in it is publishable.**").Append('\n');
        AppendKnownDifferences(report, text);
    }

    /// <summary>
    /// Differences the protocol declared known (Faceoff.Parity's KnownDifferenceRule words them "known difference
    /// (declared: reason): finding"): they passed the gate only because of their reason, so the reader sees each one.
    /// </summary>
    private static void AppendKnownDifferences(CampaignReport report, StringBuilder text)
    {
        const string marker = "known difference (declared: ";
        var known = report.Parity.Checks.Where(check => check.Detail.StartsWith(marker, StringComparison.Ordinal)).ToList();
        if (known.Count == 0)
        {
            return;
        }

        text.Append("\nDifferences between the two sides that the protocol declares known, each with its reason, reported as ")
            .Append("warnings instead of failing the gate:\n\n");
        foreach (var check in known)
        {
            text.Append("- ").Append(check.CheckId).Append(" on ").Append(check.Profile)
                .Append(check.Scenario is null ? string.Empty : "/" + check.Scenario).Append(": ").Append(check.Detail).Append('\n');
        }
    }

    public static void AppendLimitations(CampaignReport report, StringBuilder text)
    {
        text.Append("\n## Known limitations\n\n");
        text.Append("- The load generator and both servers share this machine's ").Append(Fmt.Integer(report.Machine.LogicalCores))
            .Append(" logical cores, so the generator's own CPU use is part of every number; the results compare the two ")
            .Append("profiles of this run with each other, not with other machines.\n");
        text.Append("- Traffic uses the loopback interface: no network latency, bandwidth limit or packet loss.\n");
        text.Append("- Closed-loop load adapts to the server: latency under a fixed offered rate (open loop) is not measured ")
            .Append("here, and closed-loop tail latency understates the queueing users would see in overload.\n");
        text.Append("- ").Append(Fmt.Integer(report.Protocol.Measured.Repeats))
            .Append(" repeats per cell give wide intervals; an inconclusive verdict calls for more repeats, not for reading ")
            .Append("the medians as a result.\n");
        text.Append("- The results hold for these versions, this configuration and this hardware only.\n");
    }
}
