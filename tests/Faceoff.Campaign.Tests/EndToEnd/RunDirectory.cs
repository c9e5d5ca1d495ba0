using System.Formats.Tar;
using System.IO.Compression;
using Faceoff.Campaign.Model;
using Faceoff.Campaign.Storage;
using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Tests.EndToEnd;

/// <summary>Reads what a finished run left on disk.</summary>
internal sealed class RunDirectory(string path)
{
    public string Path { get; } = path;

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public RunState State => CampaignJson.Deserialize<RunState>(System.IO.File.ReadAllText(File(RunStore.StateFileName)))!;

    public CampaignReport Report => ReportJson.ReadReport(File(Reporting.PublicationFiles.Report));

    public IReadOnlyList<CellRecord> Cells => RunStore.ReadAllCells(Path);

    /// <summary>Every file under the given run-relative directories or files, as the bundle names them.</summary>
    public IReadOnlyList<string> FilesUnder(params string[] roots) =>
        [.. roots.Select(File).SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : System.IO.File.Exists(p) ? [p] : [])
            .Select(p => System.IO.Path.GetRelativePath(Path, p))
            .Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> BundleEntries()
    {
        using var file = System.IO.File.OpenRead(File(Reporting.PublicationFiles.Bundle));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var names = new List<string>();
        while (tar.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
        }
        return [.. names.Order(StringComparer.Ordinal)];
    }
}
