using System.Collections.Immutable;
using Faceoff.Protocol.Json;
using Faceoff.Protocol.Model;

namespace Faceoff.Protocol.Reading;

/// <summary>Reads the <c>hosts</c> section and the campaign's <c>load_hosts</c>. References are checked by <see cref="ReferenceChecker"/>.</summary>
internal sealed class HostReader(Diagnostics diagnostics)
{
    private const string KindExpectation = "\"local\" or \"ssh\"";
    private const string OptionExpectation = "an ssh option \"Key=Value\"";

    public void Read(ObjectView protocol, ProtocolDraft draft)
    {
        var entities = new EntityReader(diagnostics);
        foreach (var entry in entities.Map(protocol.Optional("hosts"), "hosts"))
        {
            draft.HostIds.Add(entry.Name);
            if (Host(entry) is { } host)
            {
                draft.Hosts[entry.Name] = host;
            }
        }

        draft.LoadHosts.AddRange(Names(protocol.Optional("load_hosts"), diagnostics));
    }

    /// <summary>A list of host names; empty after reporting when it is not a non-empty array of distinct strings.</summary>
    public static List<Located<string>> Names(JsonNodeAt? node, Diagnostics diagnostics)
    {
        var names = new List<Located<string>>();
        if (node is null)
        {
            return names;
        }

        if (node.Kind != NodeKind.Array || node.Items.Count == 0)
        {
            diagnostics.Expected(node, "a non-empty array of host names");
            return names;
        }

        foreach (var item in node.Items)
        {
            if (Values.NonEmpty(item, diagnostics, "a host name") is not { } name)
            {
                continue;
            }

            if (names.Find(seen => seen.Value == name) is { } first)
            {
                diagnostics.Report(item.At, $"host \"{name}\" is listed twice (first at line {first.At.Line}:{first.At.Column})");
                continue;
            }

            names.Add(new Located<string>(name, item.At));
        }

        return names;
    }

    private HostDefinition? Host(JsonMember entry)
    {
        var host = ObjectView.Open(entry.Value, ProtocolFields.Host, diagnostics);
        if (host is null)
        {
            return null;
        }

        var kindNode = host.Required("kind", KindExpectation);
        var kind = Values.String(kindNode, diagnostics, KindExpectation);
        if (kind == "local")
        {
            foreach (var field in ProtocolFields.Host.Where(field => field != "kind" && host.Has(field)))
            {
                diagnostics.Report(host.Optional(field)!.At, $"\"{field}\" applies to ssh hosts only; host \"{entry.Name}\" is local");
            }

            return new HostDefinition(entry.Name, HostKind.Local);
        }

        if (kind != "ssh")
        {
            if (kind is not null)
            {
                diagnostics.Expected(kindNode!, KindExpectation);
            }

            return null;
        }

        if (entry.Name == HostDefinition.LocalName)
        {
            diagnostics.Report(entry.NameAt, $"the host name \"{HostDefinition.LocalName}\" is reserved for this machine (kind \"local\")");
            return null;
        }

        var before = diagnostics.Count;
        var address = Values.NonEmpty(host.Required("host", "a host name or address ssh connects to"), diagnostics);
        var user = Values.NonEmpty(host.Optional("user"), diagnostics, "a user name");
        var port = Values.Int(host.Optional("port"), diagnostics, 1, 65535, Values.PortExpectation);
        var identity = Values.NonEmpty(host.Optional("identity_file"), diagnostics, "the path of a private key file");
        var workDir = Values.NonEmpty(host.Optional("work_dir"), diagnostics, "a directory path");
        var options = Options(host.Optional("options"));
        return diagnostics.Count > before || address is null
            ? null
            : new HostDefinition(entry.Name, HostKind.Ssh, user, address, port, identity, options, workDir);
    }

    private ImmutableArray<string> Options(JsonNodeAt? node)
    {
        var list = Values.StringList(node, diagnostics, nonEmptyItems: true);
        if (list is not { } options)
        {
            return [];
        }

        for (var i = 0; i < options.Length; i++)
        {
            // "Key=Value" as ssh -o takes it; a value that starts a new option ("-o", "-F") would change what ssh runs.
            var option = options[i];
            var equals = option.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || option.StartsWith('-') || option[..equals].Any(c => !char.IsAsciiLetterOrDigit(c)))
            {
                diagnostics.Expected(node!.Items[i], OptionExpectation);
            }
        }

        return options;
    }
}
