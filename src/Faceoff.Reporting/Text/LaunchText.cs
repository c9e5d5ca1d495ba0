using System.Globalization;
using Faceoff.Reporting.Model;

namespace Faceoff.Reporting.Text;

/// <summary>The launch facts of comparison rows as short text, shared by the Markdown, HTML and methodology outputs.</summary>
public static class LaunchText
{
    /// <summary>One row's facts, candidate / reference: "launches 1 / 1 · σ²_w 0.0012 / 0.0009 · σ²_b – / – · design: …".</summary>
    public static string Line(LaunchFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var (c, r) = (facts.Candidate, facts.Reference);
        return $"launches {Fmt.Integer(c.Launches)} / {Fmt.Integer(r.Launches)}"
            + $" · σ²_w {Variance(c.WithinVariance)} / {Variance(r.WithinVariance)}"
            + $" · σ²_b {Variance(c.BetweenVariance)} / {Variance(r.BetweenVariance)}"
            + " · " + Design(facts)
            + (facts.CoversLaunchVariance ? "" : " · interval does not cover launch-to-launch variance");
    }

    /// <summary>The implied design for a ±target interval, or why there is none.</summary>
    public static string Design(LaunchFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var target = "±" + Fmt.Fixed(facts.DesignTargetHalfWidth * 100, 0) + "%";
        return facts.DesignRepeatsPerLaunch is { } repeats && facts.DesignLaunches is { } launches
            ? $"design for {target}: R={Fmt.Integer(repeats)} repeats × L={Fmt.Integer(launches)} launches"
            : $"no design for {target} ({facts.DesignProblem ?? "unknown"})";
    }

    /// <summary>
    /// The sentence every output carries when some interval came from a single launch; null when every
    /// row with a ratio covers launch-to-launch variance (or no row records launches).
    /// </summary>
    public static string? Warning(IEnumerable<ComparisonReport> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var recorded = rows.Where(r => r.Launch is not null).ToList();
        var single = recorded.Count(r => !r.Launch!.CoversLaunchVariance);
        return single == 0
            ? null
            : $"{Fmt.Integer(single)} of {Fmt.Integer(recorded.Count)} comparison interval(s) come from a single launch (one server process per side): they cannot cover launch-to-launch variance, so a re-run on fresh processes may land outside them.";
    }

    private static string Variance(double? value) =>
        value is { } v ? v.ToString("G3", CultureInfo.InvariantCulture) : Fmt.Missing;
}
