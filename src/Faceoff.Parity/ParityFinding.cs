using System.Text.Json.Serialization;

namespace Faceoff.Parity;

/// <summary>Outcome of one check, ordered by severity so the worst of several is their maximum.</summary>
public enum ParityStatus
{
    Pass,

    /// <summary>Recorded for the reader (e.g. whether a Server header is sent); never changes a verdict.</summary>
    Info,

    /// <summary>Printed and recorded; never fails the gate.</summary>
    Warn,

    Fail,
}

/// <summary>One check's result on one subject: what was expected, what was observed, and a one-line message.</summary>
/// <param name="Check">Dotted check id, e.g. <c>json.required_keys</c>, <c>keepalive.reuse</c>.</param>
/// <param name="Subject">Whose response it judges: a profile id, a framework id, or the pair name for cross-framework checks.</param>
public sealed record ParityFinding(
    string Check,
    ParityStatus Status,
    string Subject,
    string? Expected,
    string? Observed,
    string Message)
{
    public static ParityFinding Pass(string check, string subject, string message, string? expected = null, string? observed = null) =>
        new(check, ParityStatus.Pass, subject, expected, observed, message);

    public static ParityFinding Fail(string check, string subject, string message, string? expected, string? observed) =>
        new(check, ParityStatus.Fail, subject, expected, observed, message);

    public static ParityFinding Warn(string check, string subject, string message, string? expected, string? observed) =>
        new(check, ParityStatus.Warn, subject, expected, observed, message);

    /// <summary>"check: subject: message", the tail of the gate's one-line summary.</summary>
    [JsonIgnore]
    public string OneLine => $"{Check}: {Subject}: {Message}";
}

/// <summary>Folding many findings into one verdict.</summary>
public static class ParityVerdict
{
    /// <summary>The worst status among the findings; informational findings count as a pass.</summary>
    public static ParityStatus Worst(IEnumerable<ParityFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var worst = ParityStatus.Pass;
        foreach (var finding in findings)
        {
            if (finding.Status > worst)
            {
                worst = finding.Status;
            }
        }

        return worst == ParityStatus.Info ? ParityStatus.Pass : worst;
    }
}
