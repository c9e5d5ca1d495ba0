using Faceoff.Campaign;
using Faceoff.Cli.Reproduce;
using Faceoff.Reporting;

namespace Faceoff.Cli.Tests.Reproduce;

/// <summary>What 'faceoff reproduce' refuses before it starts anything: every refusal is exit 2 and names the file.</summary>
[Collection(CompareConsoleGroup.Name)]
public sealed class ReproduceInputTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("faceoff-reproduce-input-").FullName;

    private string Pack() => ReproducePacks.Write(Path.Combine(_work, "runs", "original"), ReproducePacks.DefaultProtocol());

    [Fact]
    public void The_resolved_protocol_reads_back_to_the_protocol_the_run_hashed()
    {
        var protocol = ReproducePacks.DefaultProtocol();
        var (pack, errors) = OriginalPackReader.Read(ReproducePacks.Write(Path.Combine(_work, "pack"), protocol));

        Assert.Empty(errors);
        Assert.True(pack!.ProtocolHashMatches, "the protocol read back from resolved_protocol.json hashes differently from the one written");
        Assert.Equal(protocol.Pairs.Select(p => p.Name), pack.Protocol.Pairs.Select(p => p.Name));
        Assert.Equal("original", pack.Report.RunId);
        Assert.Equal(64, pack.ReportSha256.Length);
    }

    [Fact]
    public async Task A_missing_run_directory_is_a_usage_error_naming_it()
    {
        var missing = Path.Combine(_work, "no-such-run");

        var (code, _, error) = await ConsoleRun.RunAsync("reproduce", missing);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"{missing}: no such run directory or report", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pack_without_its_resolved_protocol_cannot_be_reproduced()
    {
        var pack = Pack();
        var protocol = Path.Combine(pack, CampaignRunner.ResolvedProtocolFile);
        File.Delete(protocol);

        var (code, _, error) = await ConsoleRun.RunAsync("reproduce", pack);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"{protocol}: no such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_report_is_a_usage_error_with_its_line()
    {
        var pack = Pack();
        var report = Path.Combine(pack, PublicationFiles.Report);
        File.WriteAllText(report, "{\n  \"schema_version\": 2,\n  \"run_id\": [\n");

        var (code, _, error) = await ConsoleRun.RunAsync("reproduce", report);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(report)}:\d+:\d+: ", error);
    }

    [Fact]
    public async Task A_corrupt_resolved_protocol_is_a_usage_error_with_its_line()
    {
        var pack = Pack();
        var protocol = Path.Combine(pack, CampaignRunner.ResolvedProtocolFile);
        File.WriteAllText(protocol, "{\n  \"name\": \"x\",\n  \"pairs\": 7\n}\n");

        var (code, _, error) = await ConsoleRun.RunAsync("reproduce", pack);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"{protocol}:3:", error, StringComparison.Ordinal);
        Assert.Contains("$.pairs", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_protocol_with_a_masked_secret_is_refused_naming_the_field()
    {
        var protocol = ReproducePacks.DefaultProtocol();
        var profile = protocol.Profiles.Values.First();
        protocol = protocol with { Profiles = protocol.Profiles.SetItem(profile.Id, profile with { Env = profile.Env.SetItem("FACEOFF_APP_SESSION_KEY", "s3cret") }) };
        var pack = ReproducePacks.Write(Path.Combine(_work, "masked"), protocol);

        var (code, _, error) = await ConsoleRun.RunAsync("reproduce", pack);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"$.profiles.{profile.Id}.env.FACEOFF_APP_SESSION_KEY: the value was masked", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quick_is_refused_with_the_reason()
    {
        var (code, _, error) = await ConsoleRun.RunAsync("reproduce", Pack(), "--quick");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("reproduce refuses --quick: a smoke run is too short to give verdicts", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_smoke_run_is_refused_as_an_original()
    {
        var pack = Pack();
        var path = Path.Combine(pack, PublicationFiles.Report);
        var report = Reporting.Model.ReportJson.ReadReport(path);
        File.WriteAllText(path, Reporting.Model.ReportJson.Serialize(report with { Environment = report.Environment with { QuickMode = true } }));

        var (code, _, error) = await ConsoleRun.RunAsync("reproduce", pack);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("$.environment.quick_mode: the original is a --quick smoke run", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protocol_options_are_not_offered_because_the_protocol_is_the_original_s()
    {
        var (code, _, error) = await ConsoleRun.RunAsync("reproduce", Pack(), "--measured-repeats", "9");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--measured-repeats", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
