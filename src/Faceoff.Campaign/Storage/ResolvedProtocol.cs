using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Faceoff.Protocol.Model;
using Faceoff.Targets;

namespace Faceoff.Campaign.Storage;

/// <summary>
/// A stable hash of what a run measures: the resolved protocol (overrides applied) plus the run settings
/// that change measurements. A resume must match it, so cells measured under different rules never mix.
/// </summary>
public static class ResolvedProtocol
{
    public static string Hash(CampaignProtocol protocol, IReadOnlyDictionary<string, string> measurementSettings)
    {
        ArgumentNullException.ThrowIfNull(measurementSettings);
        var node = ToCanonicalNode(protocol);
        node["measurement_settings"] = Canonical(JsonSerializer.SerializeToNode(measurementSettings, CampaignJson.Options));
        var bytes = Encoding.UTF8.GetBytes(node.ToJsonString());
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>
    /// The resolved protocol as the run used it, overrides and their origins included: the audit copy.
    /// Environment values whose names look secret are masked, as everywhere else faceoff writes them, and so are hosts' ssh options.
    /// </summary>
    public static string ToJson(CampaignProtocol protocol)
    {
        var node = Canonical(JsonSerializer.SerializeToNode(protocol, CampaignJson.Options))!;
        RedactEnvironments(node);
        return node.ToJsonString(CampaignJson.Options);
    }

    /// <summary>
    /// The protocol as canonical JSON (keys sorted), without where it was loaded from or how its values
    /// were overridden: moving the checkout or passing a value by flag instead of variable changes nothing measured.
    /// </summary>
    private static JsonObject ToCanonicalNode(CampaignProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var node = (JsonObject)Canonical(JsonSerializer.SerializeToNode(protocol, CampaignJson.Options))!;
        node.Remove("source_path");
        node.Remove("overrides");
        return node;
    }

    private static void RedactEnvironments(JsonNode node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array.OfType<JsonNode>())
            {
                RedactEnvironments(item);
            }
        }
        else if (node is JsonObject obj)
        {
            foreach (var (name, value) in obj.ToList())
            {
                if (name == "env" && value is JsonObject env)
                {
                    foreach (var (variable, text) in env.ToList())
                    {
                        env[variable] = Redaction.Value(variable, text?.GetValue<string>() ?? "");
                    }
                }
                else if (name == "options" && value is JsonArray options)
                {
                    // ssh -o options of a host (e.g. SetEnv=DB_PASSWORD=...): masked as every ssh command line is.
                    for (var i = 0; i < options.Count; i++)
                    {
                        options[i] = Faceoff.Hosts.Transport.SshRedaction.Command(options[i]?.GetValue<string>() ?? "");
                    }
                }
                else if (value is not null)
                {
                    RedactEnvironments(value);
                }
            }
        }
    }

    // Immutable dictionaries enumerate in hash order, which differs between processes; sorting fixes it.
    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Canonical)]),
        null => null,
        _ => node.DeepClone(),
    };
}
