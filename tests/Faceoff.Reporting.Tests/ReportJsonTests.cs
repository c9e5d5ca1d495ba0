using System.Text.Json;
using Faceoff.Reporting.Model;
using Faceoff.Reporting.Tests.Fixtures;
using Faceoff.Statistics;
using Faceoff.Statistics.Claims;

namespace Faceoff.Reporting.Tests;

public sealed class ReportJsonTests
{
    [Fact]
    public void Serialize_deserialize_serialize_gives_the_same_text()
    {
        var first = ReportJson.Serialize(ReportFixture.Build());
        var second = ReportJson.Serialize(ReportJson.DeserializeReport(first));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Json_is_snake_case_with_enum_names_and_the_derived_publishable_flag()
    {
        var json = ReportJson.Serialize(ReportFixture.Build());
        Assert.StartsWith("{\n  \"schema_version\": 2,\n  \"run_id\": ", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.Contains("\"verdict\": \"no_significant_difference\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"partial\"", json, StringComparison.Ordinal);
        Assert.Contains("\"role\": \"candidate\"", json, StringComparison.Ordinal);
        Assert.Contains("\"throughput_advantage_pct\": ", json, StringComparison.Ordinal);
        Assert.Contains("\"p999_us\": ", json, StringComparison.Ordinal);
        Assert.Contains("\"publishable\": true", json, StringComparison.Ordinal);
        // The sides' computed names ("pair/candidate.profile/scenario/c8") are derived, not stored.
        Assert.DoesNotContain("\"key\": \"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_enum_on_disk_has_its_pinned_snake_case_spelling()
    {
        // Renaming a member changes every pack written afterwards and breaks reading older ones: make it a test failure.
        Assert.Equal(["candidate_faster", "candidate_slower", "no_significant_difference", "inconclusive", "not_publishable"], Spellings<Verdict>());
        Assert.Equal(["supported", "parity", "refuted", "mixed", "inconclusive", "unverified"], Spellings<ClaimStatus>());
        Assert.Equal(["completed", "failed"], Spellings<CellStatus>());
        Assert.Equal(["candidate", "reference"], Spellings<Side>());
        Assert.Equal(["not_run", "passed", "failed", "skipped"], Spellings<ParityStatus>());
        Assert.Equal(["complete", "partial", "failed", "interrupted"], Spellings<RunStatus>());
        Assert.Equal(["server_warmup", "warmup", "measured"], Spellings<PassKind>());
        Assert.Equal(["parity_skipped", "cell_failed", "no_data", "unstable", "contract_violations", "errors", "write_mismatch"], Spellings<QualityIssueKind>());
    }

    [Fact]
    public void Enums_are_read_back_by_name_and_integers_are_refused()
    {
        var json = ReportJson.Serialize(ReportFixture.Build());
        var numbered = json.Replace("\"verdict\": \"no_significant_difference\"", "\"verdict\": 2", StringComparison.Ordinal);
        Assert.NotEqual(json, numbered);
        Assert.Throws<JsonException>(() => ReportJson.DeserializeReport(numbered));
    }

    private static readonly JsonSerializerOptions EnumOptions = new() { Converters = { EnumText.Converter } };

    private static string[] Spellings<TEnum>()
        where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(value => JsonSerializer.Serialize(value, EnumOptions).Trim('"'))];

    [Fact]
    public void An_unknown_schema_version_is_rejected_with_a_clear_message()
    {
        var json = ReportJson.Serialize(ReportFixture.Build()).Replace("\"schema_version\": 2,", "\"schema_version\": 99,", StringComparison.Ordinal);
        var error = Assert.Throws<JsonException>(() => ReportJson.DeserializeReport(json));
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_field_is_rejected()
    {
        var json = ReportJson.Serialize(ReportFixture.Build()).Replace("\"run_id\":", "\"not_run_id\":", StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => ReportJson.DeserializeReport(json));
    }
}
