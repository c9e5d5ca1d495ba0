namespace Faceoff.Statistics;

/// <summary>Launch indices of a cell's repeats, aligned with the values the comparison reads.</summary>
internal static class MeasurementsLaunches
{
    public static int[] Launches(this SideMeasurements cell) => cell.Repeats.Select(r => r.Launch).ToArray();
}
