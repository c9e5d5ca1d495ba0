using Faceoff.Protocol.Reading;

namespace Faceoff.Protocol.Loading;

/// <summary>
/// Says which frameworks a mapped v1 file's profiles run: Arlen itself (from an Arlen tree) or the base's
/// stand-ins. The seed's v1 profiles name Arlen, so running anything else must never pass unmentioned.
/// </summary>
internal static class V1MappingNote
{
    public static string Describe(ProtocolDraft draft, string? arlenHome)
    {
        var sides = draft.Pairs
            .SelectMany(pair => new[] { pair.Candidate?.Value, pair.Reference?.Value })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Select(profile => (Profile: profile, Framework: FrameworkOf(draft, profile)))
            .ToList();
        var list = string.Join("; ", sides.Select(side =>
            $"{side.Profile} → {side.Framework?.Id ?? "?"} ({side.Framework?.DisplayName ?? "not defined"}: {side.Framework?.Start.Command ?? "-"})"));
        var candidatesRunArlen = arlenHome is not null && draft.Pairs
            .Select(pair => pair.Candidate?.Value is { } id ? FrameworkOf(draft, id) : null)
            .All(framework => framework is not null && framework.Start.Command.StartsWith(arlenHome, StringComparison.Ordinal));
        return candidatesRunArlen
            ? $"Arlen itself from {arlenHome}: {list}"
            : $"stand-ins from {draft.BaseProtocolPath}, NOT Arlen: {list}. To run Arlen, run the file from an Arlen "
              + $"checkout with {ArlenHomeLocator.Boomhauer} (`make arlen` builds one) or set {ArlenHomeLocator.EnvironmentVariable}";
    }

    private static Model.FrameworkDefinition? FrameworkOf(ProtocolDraft draft, string profileId) =>
        draft.Profiles.FirstOrDefault(profile => profile.Id == profileId)?.Framework?.Value is { } id
        && draft.Frameworks.TryGetValue(id, out var framework) ? framework : null;
}
