namespace Faceoff.Testing;

/// <summary>The checkout the tests run from, found by walking up from the test binaries to Faceoff.slnx.</summary>
public static class TestRepository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Faceoff.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Faceoff.slnx not found above {AppContext.BaseDirectory}");
    }
}
