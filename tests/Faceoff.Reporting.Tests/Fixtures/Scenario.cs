namespace Faceoff.Reporting.Tests.Fixtures;

/// <summary>
/// The shape of one pair × scenario in the synthetic campaign: the candidate's req/s at each step, the
/// throughput ratio it should have against the reference at each step, and how wide the interval is.
/// </summary>
internal sealed record ScenarioShape(
    string Pair,
    string Scenario,
    double[] CandidateRps,
    double[] Ratio,
    double CiHalfWidth,
    double BaseLatencyUs);

/// <summary>Quartiles (type 7), median, CV: enough to build realistic aggregates without the statistics library.</summary>
internal static class SpreadMath
{
    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    public static double? Cv(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return null;
        }

        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return Math.Sqrt(variance) / mean;
    }

    public static Statistics.MetricSummary Spread(IReadOnlyList<double> values)
    {
        var q1 = Quantile(values, 0.25);
        var q3 = Quantile(values, 0.75);
        return new Statistics.MetricSummary(values.Count, Quantile(values, 0.5), q1, q3, q3 - q1, values.Min(), values.Max(), values.Average(), Cv(values));
    }
}
