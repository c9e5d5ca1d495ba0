using Faceoff.Protocol.Json;
using Faceoff.Protocol.Model;

namespace Faceoff.Protocol.Reading;

/// <summary>A known difference as read; pair and scenario keep their locations until they are resolved.</summary>
internal sealed record KnownDifferenceDraft(string Check, Located<string>? Pair, Located<string>? Scenario, string Reason)
{
    public KnownDifference Build() => new(Check, Pair?.Value, Scenario?.Value, Reason);
}

/// <summary>Reads <c>known_differences</c>: each names an equivalence check and says why the difference is acceptable.</summary>
internal static class KnownDifferenceReader
{
    private const string ReasonExpectation = "a non-empty reason (why this difference does not invalidate the comparison)";

    public static List<KnownDifferenceDraft> Read(JsonNodeAt? node, Diagnostics diagnostics)
    {
        var read = new List<KnownDifferenceDraft>();
        foreach (var item in new EntityReader(diagnostics).List(node, "known differences", allowEmpty: true))
        {
            if (ObjectView.Open(item, ProtocolFields.KnownDifference, diagnostics) is not { } entry)
            {
                continue;
            }

            var checkNode = entry.Required("check", "an equivalence check id");
            var check = Values.NonEmpty(checkNode, diagnostics);
            if (check is not null && !KnownDifference.DeclarableChecks.Contains(check))
            {
                diagnostics.Report(checkNode!.At, $"\"{check}\" cannot be declared a known difference: only the checks comparing the two sides can "
                    + $"({string.Join(", ", KnownDifference.DeclarableChecks)}); a scenario's contract is never loosened");
                check = null;
            }

            var pair = Optional(entry.Optional("pair"), diagnostics);
            var scenario = Optional(entry.Optional("scenario"), diagnostics);
            var reason = Values.NonEmpty(entry.Required("reason", ReasonExpectation), diagnostics, ReasonExpectation);
            if (check is not null && reason is not null)
            {
                read.Add(new KnownDifferenceDraft(check, pair, scenario, reason.Trim()));
            }
        }

        return read;
    }

    private static Located<string>? Optional(JsonNodeAt? node, Diagnostics diagnostics) =>
        node is not null && Values.NonEmpty(node, diagnostics) is { } value ? new Located<string>(value, node.At) : null;
}
