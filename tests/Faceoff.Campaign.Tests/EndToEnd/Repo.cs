using Faceoff.Testing;
namespace Faceoff.Campaign.Tests.EndToEnd;

/// <summary>Paths of the checkout and of the built CLI the end-to-end tests run.</summary>
internal static class Repo
{
    public static string Root { get; } = TestRepository.Root;

    /// <summary>The CLI, copied next to the tests by the project reference.</summary>
    public static string FaceoffDll { get; } = Path.Combine(AppContext.BaseDirectory, "faceoff.dll");

    public static string TestProtocol(string name) => Path.Combine(Root, "tests", "Faceoff.Campaign.Tests", "Protocols", name);

    /// <summary>Where the test build of the ASP.NET app is (built by the project reference before the tests run).</summary>
    public static string AspNetBuild { get; } = Path.Combine(Root, "apps", "aspnet", "bin", "Release", "net10.0");
}
