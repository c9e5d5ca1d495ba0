using System.Net;
using Faceoff.Reporting.Model;

using Faceoff.Statistics;

using Faceoff.Statistics.Claims;

namespace Faceoff.Reporting.Html;

/// <summary>Escaping and the small pieces of markup the page repeats (badges, numeric cells).</summary>
internal static class H
{
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Badge(Verdict verdict) => Badge(EnumText.Words(verdict), verdict switch
    {
        Verdict.CandidateFaster => "good",
        Verdict.CandidateSlower => "bad",
        Verdict.NoSignificantDifference => "even",
        Verdict.Inconclusive => "unsure",
        _ => "none",
    });

    /// <param name="label">Text to show instead of the status name (e.g. "c=8 supported").</param>
    public static string Badge(ClaimStatus status, string? label = null) => Badge(label ?? EnumText.Words(status), status switch
    {
        ClaimStatus.Supported => "good",
        ClaimStatus.Refuted => "bad",
        ClaimStatus.Parity => "even",
        ClaimStatus.Inconclusive => "unsure",
        ClaimStatus.Mixed => "mixed",
        _ => "none",
    });

    public static string Badge(ParityStatus status) => Badge(EnumText.Words(status), status switch
    {
        ParityStatus.Passed => "good",
        ParityStatus.Failed => "bad",
        _ => "none",
    });

    public static string Badge(RunStatus status) => Badge(EnumText.Words(status), status switch
    {
        RunStatus.Complete => "good",
        RunStatus.Partial => "unsure",
        RunStatus.Failed => "bad",
        _ => "none",
    });

    public static string Badge(string text, string kind) => $"<span class=\"badge {kind}\">{Escape(text)}</span>";

    public static string Td(string text) => $"<td>{Escape(text)}</td>";

    public static string Num(string text) => $"<td class=\"num\">{Escape(text)}</td>";

    public static string Raw(string html) => $"<td>{html}</td>";

    /// <summary>A relative link to a file of the run; <paramref name="linkBase"/> locates the run directory from the page.</summary>
    public static string Link(string linkBase, string path, string? text = null) =>
        $"<a href=\"{Escape(linkBase + string.Join('/', path.Split('/').Select(Uri.EscapeDataString)))}\">{Escape(text ?? path)}</a>";
}
