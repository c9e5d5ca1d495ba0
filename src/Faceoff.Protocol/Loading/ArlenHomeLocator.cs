namespace Faceoff.Protocol.Loading;

/// <summary>
/// Finds the Arlen tree <c>{arlen_home}</c> stands for: a directory with Arlen's <c>build/boomhauer</c> and the
/// seed's FastAPI reference app. In order: <c>FACEOFF_ARLEN_HOME</c>; for a schema-v1 file, the Arlen checkout it
/// sits in; else the build <c>make arlen</c> made in the Faceoff checkout (<c>.faceoff/arlen/current/src/arlen</c>).
/// </summary>
public static class ArlenHomeLocator
{
    public const string EnvironmentVariable = "FACEOFF_ARLEN_HOME";

    /// <summary>Where <c>scripts/arlen/build.sh</c> links its last build, relative to the Faceoff checkout.</summary>
    public const string BuildRelativePath = ".faceoff/arlen/current/src/arlen";

    public const string Boomhauer = "build/boomhauer";

    public const string ReferenceApp = "tests/performance/fastapi_reference/app.py";

    /// <summary>True when <paramref name="directory"/> holds a built Arlen and its FastAPI reference app.</summary>
    public static bool IsBuiltTree(string directory) =>
        File.Exists(Path.Combine(directory, Boomhauer)) && File.Exists(Path.Combine(directory, ReferenceApp));

    /// <summary>The nearest directory at or above <paramref name="file"/>'s that is a built Arlen tree, or null.</summary>
    public static string? EnclosingBuiltTree(string file) =>
        BaseProtocolLocator.AtOrAbove([Path.GetDirectoryName(Path.GetFullPath(file))!]).FirstOrDefault(IsBuiltTree);

    /// <summary>
    /// The Arlen tree <c>make arlen</c> built for the Faceoff checkout at or above any of <paramref name="searchStarts"/>
    /// (a checkout is a directory with <c>protocols/default.json</c>), or null when there is none.
    /// </summary>
    public static string? MadeByMakeArlen(IEnumerable<string> searchStarts) =>
        BaseProtocolLocator.AtOrAbove(searchStarts)
            .Where(directory => File.Exists(Path.Combine(directory, BaseProtocolLocator.BundledRelativePath)))
            .Select(directory => Path.Combine(directory, BuildRelativePath))
            .FirstOrDefault(IsBuiltTree);
}
