using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Faceoff.Protocol.Json;
using Faceoff.Protocol.Model;

namespace Faceoff.Protocol.Reading;

/// <summary>
/// Reads <c>services.&lt;id&gt;</c>. A service either names an existing server (<c>dsn</c>) or is managed by
/// Faceoff with the settings given here (defaults in <see cref="ProtocolDefaults"/>); mixing both is an error, as
/// the settings would silently not apply to a server Faceoff does not start.
/// </summary>
internal sealed partial class ServiceReader(ProtocolDraft draft, Diagnostics diagnostics)
{
    public const string SharedBuffersExpectation = "a size such as \"128MB\" (digits then kB, MB or GB)";
    public const string DsnExpectation = "a URL postgresql://user[:password]@host[:port]/database";
    private const string SynchronousCommitExpectation = "one of \"on\", \"off\", \"local\", \"remote_write\", \"remote_apply\"";
    private static readonly ImmutableArray<string> ManagedOnly = ["shared_buffers", "synchronous_commit", "max_connections"];

    public ServiceDefinition? Read(string id, JsonNodeAt node)
    {
        if (ObjectView.Open(node, ProtocolFields.Service, diagnostics) is not { } service)
        {
            return null;
        }

        var before = diagnostics.Count;
        var kindNode = service.Required("kind", "\"postgresql\"");
        if (Values.String(kindNode, diagnostics, "\"postgresql\"") is { } kind && kind != "postgresql")
        {
            diagnostics.Expected(kindNode!, "\"postgresql\" (the only service kind)");
        }

        var seedRows = Values.Int(service.Optional("seed_rows"), diagnostics, 0, ProtocolDefaults.MaxSeedRows, $"an integer 0-{ProtocolDefaults.MaxSeedRows}");
        var prefix = $"services.{id}.";
        if (seedRows is null)
        {
            draft.Defaulted(prefix + "seed_rows", ProtocolDefaults.SeedRows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var dsnNode = service.Optional("dsn");
        if (dsnNode is not null)
        {
            foreach (var field in ManagedOnly.Where(service.Has))
            {
                diagnostics.Report(service.Optional(field)!.At, $"{field} applies only to a managed server; remove it or remove \"dsn\"");
            }

            var dsn = Values.NonEmpty(dsnNode, diagnostics, DsnExpectation);
            if (dsn is not null && !IsPostgresUrl(dsn))
            {
                diagnostics.Expected(dsnNode, DsnExpectation);
            }

            return diagnostics.Count == before ? new ServiceDefinition(id, ServiceKind.PostgreSql, dsn, null, seedRows ?? ProtocolDefaults.SeedRows) : null;
        }

        var defaults = ProtocolDefaults.Postgres;
        var buffersNode = service.Optional("shared_buffers");
        var buffers = Values.String(buffersNode, diagnostics, SharedBuffersExpectation);
        if (buffers is not null && !SharedBuffers().IsMatch(buffers))
        {
            diagnostics.Expected(buffersNode!, SharedBuffersExpectation);
        }

        var commitNode = service.Optional("synchronous_commit");
        var commit = Values.String(commitNode, diagnostics, SynchronousCommitExpectation);
        if (commit is not null && commit is not ("on" or "off" or "local" or "remote_write" or "remote_apply"))
        {
            diagnostics.Expected(commitNode!, SynchronousCommitExpectation);
        }

        var maxConnections = Values.Int(service.Optional("max_connections"), diagnostics, 5, 10_000, "an integer 5-10000");
        Default(prefix + "shared_buffers", buffers, defaults.SharedBuffers);
        Default(prefix + "synchronous_commit", commit, defaults.SynchronousCommit);
        Default(prefix + "max_connections", maxConnections?.ToString(System.Globalization.CultureInfo.InvariantCulture), defaults.MaxConnections.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (diagnostics.Count != before)
        {
            return null;
        }

        var settings = new ManagedPostgresSettings(buffers ?? defaults.SharedBuffers, commit ?? defaults.SynchronousCommit, maxConnections ?? defaults.MaxConnections);
        return new ServiceDefinition(id, ServiceKind.PostgreSql, null, settings, seedRows ?? ProtocolDefaults.SeedRows);
    }

    /// <summary>The URL shape both reference apps accept (apps/aspnet/DatabaseUrl.cs, apps/fastapi/faceoff_config.py).</summary>
    public static bool IsPostgresUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && uri.Scheme is "postgresql" or "postgres"
        && uri.Host.Length > 0
        && uri.UserInfo.Length > 0 && !uri.UserInfo.StartsWith(':')
        && uri.Query.Length == 0 && uri.Fragment.Length == 0
        && uri.AbsolutePath.Length > 1 && uri.AbsolutePath.IndexOf('/', 1) < 0;

    private void Default(string setting, string? given, string value)
    {
        if (given is null)
        {
            draft.Defaulted(setting, value);
        }
    }

    [GeneratedRegex("^[0-9]{1,9}(kB|MB|GB)$")]
    private static partial Regex SharedBuffers();
}
