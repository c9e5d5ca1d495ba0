namespace Faceoff.Statistics;

/// <summary>A point estimate with the ends of its confidence interval; always Lower ≤ Point ≤ Upper.</summary>
public sealed record Interval(double Lower, double Point, double Upper)
{
    public bool Contains(double value) => value >= Lower && value <= Upper;

    public override string ToString() => $"{Point:0.000} [{Lower:0.000}, {Upper:0.000}]";
}
