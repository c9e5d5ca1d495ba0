using Faceoff.Protocol.Json;
using Faceoff.Protocol.Overrides;
using Faceoff.Protocol.Reading;

namespace Faceoff.Protocol.Loading;

/// <summary>What to load: the file, the resolved overrides, and where to look for the base of a v1 file.</summary>
/// <param name="Path">The protocol file as the user named it; messages show it this way.</param>
public sealed record ProtocolLoadRequest(string Path)
{
    public OverrideResolution Overrides { get; init; } = OverrideResolution.None;

    /// <summary>Directories to search upward from for <c>protocols/default.json</c>; null means <see cref="BaseProtocolLocator.DefaultSearchStarts"/>.</summary>
    public IReadOnlyList<string>? BaseSearchStarts { get; init; }

    /// <summary>An Arlen tree given by the user (<c>FACEOFF_ARLEN_HOME</c> by default); null means find one (see <see cref="ArlenHomeLocator"/>).</summary>
    public string? ArlenHome { get; init; } = Environment.GetEnvironmentVariable(ArlenHomeLocator.EnvironmentVariable) is { Length: > 0 } home ? home : null;
}

/// <summary>
/// Loads a campaign protocol: parse with locations, read (schema v2, or the seed's v1 mapped onto a base),
/// check cross-references, apply overrides, build the immutable model. Expected problems come back as
/// located errors — all of them, not just the first — and nothing is thrown for a bad file.
/// </summary>
public static class ProtocolLoader
{
    private const string VersionExpectation = "2 (or 1 for the seed's format)";

    /// <summary>The base a v1 file is mapped onto when it sits in (or is pointed at) a built Arlen tree.</summary>
    public const string ArlenBaseRelativePath = "protocols/examples/arlen-vs-fastapi.json";

    public static ProtocolLoadResult Load(ProtocolLoadRequest request)
    {
        var diagnostics = new Diagnostics();
        var draft = ReadDocument(request, diagnostics);
        if (draft is not null)
        {
            new ReferenceChecker(draft, diagnostics).Check();
        }

        foreach (var error in request.Overrides.Errors)
        {
            diagnostics.Report(error);
        }

        if (draft is null || diagnostics.Count > 0)
        {
            return ProtocolLoadResult.Failure(diagnostics.Errors, request.Overrides.Notices);
        }

        OverrideApplier.Apply(draft, request.Overrides.Protocol);
        var notices = draft.V1Mapping is { } mapping
            ? request.Overrides.Notices.Add($"{request.Path} is schema v1; its profiles run {mapping}")
            : request.Overrides.Notices;
        return ProtocolLoadResult.Success(ProtocolBuilder.Build(draft), notices);
    }

    /// <summary>Reads the named file into a draft; null when it could not be read far enough to check references.</summary>
    private static ProtocolDraft? ReadDocument(ProtocolLoadRequest request, Diagnostics diagnostics)
    {
        var root = Parse(request.Path, diagnostics);
        var fullPath = Path.GetFullPath(request.Path);
        var starts = request.BaseSearchStarts ?? BaseProtocolLocator.DefaultSearchStarts();
        switch (root is null ? null : SchemaVersion(root, diagnostics))
        {
            case 2:
                var home = GivenArlenHome(request, diagnostics) ?? ArlenHomeLocator.MadeByMakeArlen([Path.GetDirectoryName(fullPath)!, .. starts]);
                return ProtocolReader.ReadV2(root!, request.Path, fullPath, home, diagnostics);
            case 1:
                // The seed's v1 profiles name Arlen: from a built Arlen tree they run Arlen itself.
                var arlen = GivenArlenHome(request, diagnostics) ?? ArlenHomeLocator.EnclosingBuiltTree(fullPath);
                var basis = LoadBase(request, starts, arlen, diagnostics);
                var draft = ProtocolReader.ReadV1(root!, request.Path, fullPath, basis, diagnostics);
                if (basis is null)
                {
                    return null;
                }

                draft.V1Mapping = V1MappingNote.Describe(draft, arlen);
                return draft;
            default:
                return null;
        }
    }

    /// <summary>The Arlen tree the user named, reported at the root when it is not a built one; null when none was named.</summary>
    private static string? GivenArlenHome(ProtocolLoadRequest request, Diagnostics diagnostics)
    {
        if (request.ArlenHome is not { } given)
        {
            return null;
        }

        var full = Path.GetFullPath(given);
        if (!ArlenHomeLocator.IsBuiltTree(full))
        {
            diagnostics.Report(new ProtocolError(request.Path, 0, 0, JsonPathText.Root,
                $"{ArlenHomeLocator.EnvironmentVariable}={given} is not a built Arlen tree (expected {ArlenHomeLocator.Boomhauer} and "
                + $"{ArlenHomeLocator.ReferenceApp} in it; `make arlen` builds one)"));
        }

        return full;
    }

    private static ProtocolDraft? LoadBase(ProtocolLoadRequest request, IReadOnlyList<string> starts, string? arlen, Diagnostics diagnostics)
    {
        var given = request.Overrides.Protocol.BaseProtocol;
        var relative = given is null && arlen is not null ? ArlenBaseRelativePath : BaseProtocolLocator.BundledRelativePath;
        var path = given?.Value ?? BaseProtocolLocator.Find(starts, relative);
        if (path is null)
        {
            diagnostics.Report(new ProtocolError(request.Path, 0, 0, JsonPathText.Root, BaseProtocolLocator.NotFoundMessage(starts, relative)));
            return null;
        }

        var display = given is not null ? path : ShortPath(path);
        var before = diagnostics.Count;
        var root = Parse(display, diagnostics);
        if (root is null)
        {
            return null;
        }

        if (SchemaVersion(root, diagnostics) is { } version && version != 2)
        {
            var at = root.Members.First(member => member.Name == "schema_version").Value.At;
            diagnostics.Report(at, $"the base protocol a schema-v1 file is mapped onto must be schema version 2, got {version}");
        }

        var home = arlen ?? ArlenHomeLocator.MadeByMakeArlen([Path.GetDirectoryName(Path.GetFullPath(path))!, .. starts]);
        var basis = ProtocolReader.ReadV2(root, display, Path.GetFullPath(path), home, diagnostics);
        new ReferenceChecker(basis, diagnostics).Check();
        return diagnostics.Count == before ? basis : null;
    }

    private static JsonNodeAt? Parse(string path, Diagnostics diagnostics)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : ex.Message;
            diagnostics.Report(new ProtocolError(path, 0, 0, JsonPathText.Root, $"cannot read the protocol: {reason}"));
            return null;
        }

        var outcome = LocatedJsonParser.Parse(bytes, path);
        if (outcome.SyntaxError is { } error)
        {
            diagnostics.Report(error);
        }

        return outcome.Root;
    }

    /// <summary>The document's <c>schema_version</c>, which decides how the rest is read; null after reporting.</summary>
    private static int? SchemaVersion(JsonNodeAt root, Diagnostics diagnostics)
    {
        if (root.Kind != NodeKind.Object)
        {
            diagnostics.Expected(root, "an object (a Faceoff campaign protocol)");
            return null;
        }

        var node = root.Members.FirstOrDefault(member => member.Name == "schema_version")?.Value;
        if (node is null)
        {
            diagnostics.Report(root.At, $"missing required field \"schema_version\" (expected {VersionExpectation})");
            return null;
        }

        return Values.Int(node, diagnostics, 1, 2, VersionExpectation);
    }

    /// <summary>A found path relative to the current directory when it lies below it, for shorter messages.</summary>
    private static string ShortPath(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
