using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace Faceoff.Statistics;

/// <summary>Descriptive statistics over small samples, delegated to Perfolizer's estimators.</summary>
internal static class Descriptive
{
    private static readonly IQuantileEstimator Estimator = SimpleQuantileEstimator.Instance;

    /// <summary>Summary of the finite values; null when there are none.</summary>
    public static MetricSummary? Summarize(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return null;
        }
        var sample = new Sample(finite);
        var quartiles = Quartiles.Create(sample, Estimator);
        var moments = Moments.Create(sample);
        return new MetricSummary(
            finite.Length,
            quartiles.Median,
            quartiles.Q1,
            quartiles.Q3,
            quartiles.InterquartileRange,
            quartiles.Min,
            quartiles.Max,
            moments.Mean,
            CoefficientOfVariation(finite.Length, moments));
    }

    public static double Median(IReadOnlyList<double> values) =>
        Estimator.Median(new Sample(values.ToArray())).NominalValue;

    public static double? Cv(IReadOnlyList<double> values) =>
        values.Count < 2 ? null : CoefficientOfVariation(values.Count, Moments.Create(values));

    /// <summary>The full seconds of a per-second series: the first and last second are partial by construction.</summary>
    public static IReadOnlyList<double> FullSeconds(IReadOnlyList<double> perSecond) =>
        perSecond.Count < 3 ? [] : perSecond.Skip(1).Take(perSecond.Count - 2).ToArray();

    private static double? CoefficientOfVariation(int count, Moments moments) =>
        count < 2 || !(moments.Mean > 0) ? null : moments.StandardDeviation / moments.Mean;
}
