using System.Collections.Immutable;
using Faceoff.Campaign.Publishing;
using Faceoff.Campaign.Tests.Fakes;
using Faceoff.Protocol.Model;
using Faceoff.Reporting;
using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Tests;

public sealed class AaTests
{
    [Fact]
    public void An_unknown_profile_is_a_located_error_that_lists_the_known_ones()
    {
        var derivation = AaProtocol.From(TestProtocols.Build(), "nope");

        Assert.Null(derivation.Protocol);
        var error = derivation.Error!;
        Assert.Equal("$.profiles", error.JsonPath);
        Assert.Contains("--aa nope", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("known profiles: cand1, ref1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_derived_campaign_is_one_pair_of_the_profile_against_itself_on_that_pairs_ports_and_ladder()
    {
        var protocol = TestProtocols.Build(pairs: 2);
        protocol = protocol with { Pairs = [protocol.Pairs[0], protocol.Pairs[1] with { ConcurrencyLadder = [2, 16] }] };

        var aa = AaProtocol.From(protocol, "ref2").Protocol!;

        var pair = Assert.Single(aa.Pairs);
        Assert.Equal(("aa_ref2", "ref2", "ref2"), (pair.Name, pair.CandidateProfile, pair.ReferenceProfile));
        Assert.Equal((4020, 4021), (pair.CandidatePort, pair.ReferencePort));
        Assert.Equal([2, 16], aa.LadderFor(pair).ToArray());
        Assert.Equal(["healthz", "api_status"], aa.ScenariosFor(pair).Select(s => s.Id));
        Assert.Equal(["ref2"], aa.Profiles.Keys);
        Assert.Empty(aa.ClaimTargets);
        Assert.Contains(aa.Overrides, o => o is { Setting: AaProtocol.Setting, Value: "ref2", Source: SettingSource.CommandLine, Origin: AaProtocol.Origin });
        Assert.Equal("ref2", AaProtocol.ProfileOf(aa));
        Assert.Null(AaProtocol.ProfileOf(protocol));
    }

    [Fact]
    public void A_profile_in_no_pair_borrows_the_first_pairs_two_ports_and_the_campaign_ladder()
    {
        var protocol = TestProtocols.Build(ladder: [1, 4]);
        var solo = new ProfileDefinition("solo", "fw", ImmutableDictionary<string, string>.Empty, [], ["healthz"]);
        protocol = protocol with { Profiles = protocol.Profiles.Add("solo", solo), Pairs = [protocol.Pairs[0] with { ConcurrencyLadder = [8] }] };

        var aa = AaProtocol.From(protocol, "solo").Protocol!;

        var pair = Assert.Single(aa.Pairs);
        Assert.NotEqual(pair.CandidatePort, pair.ReferencePort);
        Assert.Equal((4010, 4011), (pair.CandidatePort, pair.ReferencePort));
        Assert.Equal([1, 4], aa.LadderFor(pair).ToArray());
    }

    [Fact]
    public void Quick_mode_sizes_the_aa_pair_like_any_other()
    {
        var aa = QuickMode.Apply(AaProtocol.From(TestProtocols.Build(ladder: [1, 4, 16]), "cand1").Protocol!);

        Assert.Equal(QuickMode.Ladder, aa.LadderFor(aa.Pairs[0]));
        Assert.Equal("cand1", AaProtocol.ProfileOf(aa));
    }

    [Fact]
    public async Task Identical_sides_meet_the_bar_and_the_report_notes_say_so()
    {
        using var harness = new Harness { RealPublisher = new CampaignPublisher() };
        harness.Backend.Throughput = (_, n) => 1000 + (n % 3 * 10);

        var outcome = await harness.RunAsync(AaProtocol.From(TestProtocols.Build(), "cand1").Protocol!);

        var check = outcome.Publication!.Report!.Aa!;
        Assert.True(check.Passed, string.Join("\n", check.Lines));
        Assert.Equal((4, 4), (check.Rows, check.Neutral));
        var report = ReportJson.ReadReport(Path.Combine(outcome.RunDirectory!, PublicationFiles.Report));
        Assert.Contains(report.Notes, n => n.StartsWith("A/A check (cand1 against itself): 4 of 4", StringComparison.Ordinal));
        Assert.Contains(report.Protocol.Overrides, o => o.Origin == AaProtocol.Origin);
        // One profile on both sides must still give every measured pass its own raw files.
        var raw = report.Sides.SelectMany(c => c.Repeats).SelectMany(r => new[] { r.LoadResultPath, r.HistogramLogPath }).ToList();
        Assert.Equal(report.Sides.Sum(c => c.Repeats.Count) * 2, raw.Distinct(StringComparer.Ordinal).Count());
        Assert.All(raw, path => Assert.True(File.Exists(Path.Combine(outcome.RunDirectory!, path!)), path));
        Assert.Equal(report.Sides.Count, report.Sides.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_side_that_is_consistently_faster_fails_the_bar_and_each_row_is_named()
    {
        using var harness = new Harness { RealPublisher = new CampaignPublisher() };
        harness.Backend.Throughput = (server, n) => (server.Spec.Side == Side.Reference ? 1500 : 1000) + (n % 3 * 10);

        var outcome = await harness.RunAsync(AaProtocol.From(TestProtocols.Build(), "cand1").Protocol!);

        var check = outcome.Publication!.Report!.Aa!;
        Assert.False(check.Passed);
        Assert.Equal(0, check.Neutral);
        Assert.Equal(4, check.Different.Count);
        Assert.All(check.Different, d => Assert.Contains("candidate slower", d, StringComparison.Ordinal));
        Assert.Contains(check.Lines, l => l.Contains("different: aa_cand1 healthz c=1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(20, 19, true)]
    [InlineData(20, 18, false)]
    [InlineData(0, 0, false)]
    public void The_bar_is_95_percent_of_the_rows(int rows, int neutral, bool passed) =>
        Assert.Equal(passed, new AaCheck("p", rows, neutral, [], []).Passed);
}
