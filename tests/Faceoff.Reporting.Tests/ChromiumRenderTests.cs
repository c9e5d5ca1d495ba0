using System.Diagnostics;
using System.Text.RegularExpressions;
using Faceoff.Reporting.Tests.Fixtures;

namespace Faceoff.Reporting.Tests;

/// <summary>Runs only where Chromium is installed; elsewhere it is reported as skipped with the reason.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null)
        {
            Skip = "Chromium not found (looked for FACEOFF_CHROMIUM, chromium, chromium-browser, google-chrome on PATH); install it to run the rendering test.";
        }
    }
}

internal static class Chromium
{
    public static string? Path { get; } = Find();

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("FACEOFF_CHROMIUM") is { Length: > 0 } configured && File.Exists(configured))
        {
            return configured;
        }

        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(name => dirs.Select(dir => System.IO.Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Runs headless Chromium with a fresh profile and the flags that keep it off the network; returns stdout.</summary>
    public static string Run(string profileDir, params string[] args)
    {
        var start = new ProcessStartInfo(Path!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", $"--user-data-dir={profileDir}", .. args,
        ])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Chromium did not finish within 90 s.");
        }

        Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}

public sealed partial class ChromiumRenderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [ChromiumFact]
    public void The_report_renders_in_a_browser_with_every_chart_drawn()
    {
        PublicationWriter.WriteAll(ReportFixture.Build(), _dir.Path);
        var page = new Uri(_dir.File(PublicationFiles.Html)).AbsoluteUri;
        Directory.CreateDirectory(RepoPaths.TestArtifacts);
        var screenshot = System.IO.Path.Combine(RepoPaths.TestArtifacts, "report.png");
        File.Delete(screenshot);
        // The page beside its screenshot lets a person open what the test looked at.
        File.Copy(_dir.File(PublicationFiles.Html), System.IO.Path.Combine(RepoPaths.TestArtifacts, "report.html"), overwrite: true);

        Chromium.Run(_dir.File("profile-shot"), $"--screenshot={screenshot}", "--window-size=1400,3000", page);
        var dom = Chromium.Run(_dir.File("profile-dom"), "--dump-dom", page);

        Assert.True(new FileInfo(screenshot).Length > 50_000, "the screenshot is suspiciously small: the page did not render");
        var source = File.ReadAllText(_dir.File(PublicationFiles.Html));
        var expected = ChartId().Matches(source).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(36, expected.Count);
        foreach (var chart in expected)
        {
            var svg = Regex.Match(dom, $"<svg data-chart=\"{Regex.Escape(chart)}\"[^>]*>(.*?)</svg>", RegexOptions.Singleline);
            Assert.True(svg.Success, $"chart {chart} is not in the rendered DOM");
            Assert.Contains("<path class=\"line\" d=\"M", svg.Groups[1].Value, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<svg data-chart=\"([^\"]+)\"")]
    private static partial Regex ChartId();
}
