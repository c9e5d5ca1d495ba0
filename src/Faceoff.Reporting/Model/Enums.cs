using System.Text.Json;
using System.Text.Json.Serialization;

namespace Faceoff.Reporting.Model;

/// <summary>How the campaign ended.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<RunStatus>))]
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

[JsonConverter(typeof(SnakeCaseEnumConverter<CellStatus>))]
public enum CellStatus
{
    Ok,
    Failed,
}

[JsonConverter(typeof(SnakeCaseEnumConverter<ProfileRole>))]
public enum ProfileRole
{
    Candidate,
    Reference,
}

/// <summary>Outcome of the parity gate or of one of its checks.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ParityStatus>))]
public enum ParityStatus
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>What a comparison row says; mirrors the statistics library's verdicts.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<Verdict>))]
public enum Verdict
{
    CandidateFaster,
    CandidateSlower,
    NoSignificantDifference,
    Inconclusive,
    NotPublishable,
}

/// <summary>Status of a claim overall or at one step; mirrors the statistics library's claim statuses.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ClaimStatus>))]
public enum ClaimStatus
{
    Supported,
    Parity,
    Refuted,
    Mixed,
    Inconclusive,
    Unverified,
}

/// <summary>
/// Serializes enum members as snake_case strings (CandidateFaster → "candidate_faster"), the same
/// spelling <see cref="EnumText"/> gives the text outputs, so JSON, CSV and Markdown agree.
/// </summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;

/// <summary>The snake_case spelling of enum members for text outputs.</summary>
public static class EnumText
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>The same spelling with spaces, for prose and tables: "candidate faster".</summary>
    public static string Words<TEnum>(TEnum value)
        where TEnum : struct, Enum => Of(value).Replace('_', ' ');
}
