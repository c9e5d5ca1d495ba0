using System.Text.Json;
using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Live;

/// <summary>
/// <c>hosts/hosts.json</c> as <see cref="HostSurvey"/> writes it and the report reads it back: the one record of which
/// host ran what, what each host is and each load host's clock offset. Hosts are the report's own <see cref="HostEntry"/>
/// (clock fields only for load hosts), so the report takes them as they are.
/// </summary>
internal sealed record HostsFile(bool Emulated, IReadOnlyList<HostEntry> Hosts, IReadOnlyList<HostsFilePair> Pairs, string MeasuredAt)
{
    public string Serialize() => JsonSerializer.Serialize(this, HostJson.Indented);

    /// <exception cref="JsonException">The text is not a hosts file (the message gives the line and field).</exception>
    public static HostsFile Deserialize(string json) =>
        JsonSerializer.Deserialize<HostsFile>(json, HostJson.Options) ?? throw new JsonException("the hosts file is JSON null");
}

/// <param name="Target">The address load is sent to; <paramref name="Bind"/> what the servers bind.</param>
internal sealed record HostsFilePair(string Pair, string ServerHost, IReadOnlyList<string> LoadHosts, string Target, string Bind);
