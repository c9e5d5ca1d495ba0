using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Model;

/// <summary>
/// The unit the runner schedules, stores and resumes: both profiles of a pair at one scenario and
/// concurrency step. Their measured repeats interleave, so they finish (or fail) together.
/// </summary>
public sealed record CellKey(string Pair, string Scenario, int Concurrency)
{
    /// <summary>Where the finished cell lives inside the run directory.</summary>
    public string RelativePath => $"{Stem}.json";

    /// <summary>
    /// The files of one measured pass (full load result, HdrHistogram log), in a directory next to the cell file.
    /// Named by side as well as profile: a pair may run one profile on both sides (an A/A check).
    /// </summary>
    public (string LoadResult, string HistogramLog) PassFiles(Side side, string profile, int repeat)
    {
        var stem = $"{Stem}/{side.Long()}.{SafeName(profile)}.r{repeat}";
        return ($"{stem}.json", $"{stem}.hlog");
    }

    /// <summary>
    /// Where a pass file of a cell launch that was set aside and measured again (<see cref="DiscardedLaunch"/>) moves:
    /// beside the cell's pass files, so the attempt that counts keeps the usual names.
    /// </summary>
    public string SetAsideFile(string passFile, int launch, int attempt) =>
        $"{Stem}/discarded/l{launch}a{attempt}/{passFile[(Stem.Length + 1)..]}";

    private string Stem => $"cells/{SafeName(Pair)}/{SafeName(Scenario)}/c{Concurrency:D4}";

    public override string ToString() => $"{Pair} c={Concurrency} {Scenario}";

    // Ids come from a protocol file; a separator in one must not escape the cells directory.
    private static string SafeName(string id) =>
        string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_'));
}
