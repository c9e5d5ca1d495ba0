using System.Globalization;
using Faceoff.Campaign;
using Faceoff.Campaign.Live;
using Faceoff.Campaign.Model;
using Faceoff.Protocol.Loading;
using Faceoff.Protocol.Model;
using Faceoff.Protocol.Overrides;

namespace Faceoff.Cli;

/// <summary>What 'faceoff run' resolved before anything starts: the campaign request and how to place the processes.</summary>
internal sealed record RunPlan(CampaignRequest Request, RunSettings Settings, ServerPlacement Placement);

/// <summary>
/// Turns the command line and the environment into a <see cref="RunPlan"/>: loads the protocol with every
/// override (the protocol library resolves them), derives the A/A campaign, applies quick mode, picks the run id and output directory.
/// Problems come back as messages for a usage error; nothing here starts a process.
/// </summary>
internal static class RunPlanning
{
    public const string DefaultOutputDirectory = "build/perf/phased";

    public static (RunPlan? Plan, IReadOnlyList<string> Notices, IReadOnlyList<string> Errors) Resolve(
        string protocolPath, OverrideInputs inputs, string? resume, bool quick, string? aaProfile, DateTimeOffset now)
    {
        var resolution = OverrideResolver.Resolve(inputs);
        var loaded = ProtocolLoader.Load(new ProtocolLoadRequest(protocolPath) { Overrides = resolution });
        var notices = loaded.Notices.ToList();
        if (loaded.Protocol is not { } protocol)
        {
            return (null, notices, [.. loaded.Errors.Select(e => e.ToString())]);
        }
        var (plan, errors) = ForProtocol(protocol, resolution, resume, quick, aaProfile, now);
        return (plan, notices, errors);
    }

    /// <summary>The plan for an already loaded protocol (a pack's resolved protocol, for <c>reproduce</c>) under the run settings of <paramref name="resolution"/>.</summary>
    public static (RunPlan? Plan, IReadOnlyList<string> Errors) ForProtocol(
        CampaignProtocol protocol, OverrideResolution resolution, string? resume, bool quick, string? aaProfile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(resolution);
        var settings = resolution.Run;
        if (resume is not null && settings.RunId is not null && settings.RunId != resume)
        {
            return (null, [$"--resume {resume} and run id '{settings.RunId}' disagree; give one of them"]);
        }

        // Run settings are overrides too: the protocol's list is the one record of where every setting came from.
        protocol = protocol with { Overrides = [.. protocol.Overrides, .. resolution.RunOrigins] };
        // Derived before quick mode so the A/A pair is sized like any other pair.
        if (aaProfile is not null)
        {
            var aa = AaProtocol.From(protocol, aaProfile);
            if (aa.Protocol is null)
            {
                return (null, [aa.Error!.ToString()]);
            }
            protocol = aa.Protocol;
        }
        if (quick)
        {
            protocol = QuickMode.Apply(protocol);
        }
        var placement = ServerPlacement.From(settings.Pin);
        var flags = new RunFlags(settings.SkipBuild, SkipParityOrigin(settings, protocol), placement.Description, quick);
        var request = new CampaignRequest(
            protocol,
            settings.OutputDir ?? DefaultOutputDirectory,
            resume ?? settings.RunId ?? now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            resume is not null,
            flags,
            new Dictionary<string, string> { ["cpu_pinning"] = placement.Description ?? "off" });
        return (new RunPlan(request, settings, placement), []);
    }

    /// <summary>"--skip-parity" or "FACEOFF_SKIP_PARITY=1": named in the loud notice and the report.</summary>
    private static string? SkipParityOrigin(RunSettings settings, CampaignProtocol protocol)
    {
        if (!settings.SkipParity)
        {
            return null;
        }
        var origin = protocol.Overrides.LastOrDefault(o => o.Setting == Knobs.SkipParity.Setting);
        return origin is { Source: SettingSource.Environment, Origin: { } variable } ? $"{variable}={origin.Value}" : origin?.Origin ?? Knobs.SkipParity.Option;
    }
}
