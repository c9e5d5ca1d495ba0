using System.Text.Json;
using System.Text.Json.Serialization;

namespace Faceoff.Reporting.Model;

/// <summary>How the campaign ended.</summary>
public enum RunStatus
{
    /// <summary>Every planned pass ran.</summary>
    Complete,

    /// <summary>The campaign finished but some cells failed.</summary>
    Partial,

    /// <summary>The campaign stopped before measuring (e.g. the parity gate failed).</summary>
    Failed,

    /// <summary>Stopped by the user; the cells measured until then are kept.</summary>
    Interrupted,
}

/// <summary>Whether a cell (and so each of its sides) ran every planned pass.</summary>
public enum CellStatus
{
    Completed,
    Failed,
}

/// <summary>Which side of a pair a profile plays.</summary>
public enum Side
{
    Candidate,
    Reference,
}

/// <summary>Outcome of the parity gate, or of one of its checks as the report lists them.</summary>
public enum ParityStatus
{
    /// <summary>The gate has not run (yet): prepare failed or the run stopped before it.</summary>
    NotRun,
    Passed,
    Failed,
    Skipped,
}

public static class SideExtensions
{
    /// <summary>The short label used in progress lines and pass names ("cand r2").</summary>
    public static string Short(this Side side) => side == Side.Candidate ? "cand" : "ref";

    /// <summary>"candidate" or "reference", as in file names, keys and messages.</summary>
    public static string Long(this Side side) => side == Side.Candidate ? "candidate" : "reference";
}

/// <summary>
/// The one snake_case spelling of enum members (CandidateFaster → "candidate_faster"): the JSON converter every
/// file Faceoff writes uses, and the same text for CSV, Markdown and prose, so all outputs agree.
/// </summary>
public static class EnumText
{
    /// <summary>The converter for every serializer's options; integers are refused so a renumbering cannot go unnoticed.</summary>
    public static JsonConverter Converter { get; } = new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false);

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>The same spelling with spaces, for prose and tables: "candidate faster".</summary>
    public static string Words<TEnum>(TEnum value)
        where TEnum : struct, Enum => Of(value).Replace('_', ' ');
}
