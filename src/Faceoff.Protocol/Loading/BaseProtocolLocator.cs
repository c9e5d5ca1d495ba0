namespace Faceoff.Protocol.Loading;

/// <summary>
/// Finds the bundled schema-v2 protocol a v1 file is mapped onto: the path given (option or
/// <c>FACEOFF_BASE_PROTOCOL</c>), else <c>protocols/default.json</c> in the nearest directory at or above
/// the tool's own directory or the current directory.
/// </summary>
public static class BaseProtocolLocator
{
    public const string BundledRelativePath = "protocols/default.json";

    /// <summary>The default search starts: where the tool is installed, then where the user is.</summary>
    public static IReadOnlyList<string> DefaultSearchStarts() => [AppContext.BaseDirectory, Environment.CurrentDirectory];

    /// <summary>The base protocol's path, or null when none is found.</summary>
    public static string? Find(IEnumerable<string> searchStarts, string relativePath = BundledRelativePath) =>
        AtOrAbove(searchStarts).Select(directory => Path.Combine(directory, relativePath)).FirstOrDefault(File.Exists);

    /// <summary>Each start and every directory above it, nearest first, one start after the other.</summary>
    public static IEnumerable<string> AtOrAbove(IEnumerable<string> searchStarts)
    {
        foreach (var start in searchStarts)
        {
            for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null; directory = directory.Parent)
            {
                yield return directory.FullName;
            }
        }
    }

    public static string NotFoundMessage(IEnumerable<string> searchStarts, string relativePath = BundledRelativePath) =>
        $"a schema-v1 protocol is mapped onto a schema-v2 base, but no {relativePath} was found at or above "
        + string.Join(" or ", searchStarts.Select(Path.GetFullPath))
        + "; pass --base FILE or set FACEOFF_BASE_PROTOCOL";
}
