using System.Text;
using Faceoff.Testing;

namespace Faceoff.Reporting.Tests;

/// <summary>Where the repository is, found by walking up to Faceoff.slnx from the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = TestRepository.Root;

    public static string GoldenDir => Path.Combine(Root, "tests", "Faceoff.Reporting.Tests", "Golden");

    public static string TestArtifacts => Path.Combine(Root, "build", "test-artifacts");

}

/// <summary>A fresh temporary directory, deleted when disposed.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "faceoff-reporting-" + Guid.NewGuid().ToString("N"));

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

/// <summary>
/// Golden-file comparison. The expected outputs live in tests/Faceoff.Reporting.Tests/Golden/. After an
/// intended change to a writer, regenerate them with
/// <c>FACEOFF_UPDATE_GOLDEN=1 dotnet test tests/Faceoff.Reporting.Tests -c Release</c>
/// and review the diff before committing; without the variable a difference fails the test.
/// </summary>
internal static class Golden
{
    public static void Check(string fileName, string actual)
    {
        var path = Path.Combine(RepoPaths.GoldenDir, fileName);
        if (Environment.GetEnvironmentVariable("FACEOFF_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(RepoPaths.GoldenDir);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; create it with FACEOFF_UPDATE_GOLDEN=1.");
        var expected = File.ReadAllText(path);
        if (expected == actual)
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
        Assert.Fail(
            $"{fileName} differs from its golden file at line {line + 1}.\n" +
            $"expected: {(line < expectedLines.Length ? expectedLines[line] : "<end of file>")}\n" +
            $"actual:   {(line < actualLines.Length ? actualLines[line] : "<end of file>")}\n" +
            "If the change is intended, rerun with FACEOFF_UPDATE_GOLDEN=1 and review the diff.");
    }
}
