using System.Text.Json;
using Faceoff.Reporting.Model;
using Faceoff.Reporting.Tests.Fixtures;

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
        Assert.StartsWith("{\n  \"schema_version\": 1,\n  \"run_id\": ", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.Contains("\"verdict\": \"no_significant_difference\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"partial\"", json, StringComparison.Ordinal);
        Assert.Contains("\"role\": \"candidate\"", json, StringComparison.Ordinal);
        Assert.Contains("\"throughput_advantage_pct\": ", json, StringComparison.Ordinal);
        Assert.Contains("\"p999_us\": ", json, StringComparison.Ordinal);
        Assert.Contains("\"publishable\": true", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"key\":", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Dictionaries_are_written_sorted_whatever_order_they_were_built_in()
    {
        var json = ReportJson.Serialize(ReportFixture.Build());
        var versions = JsonDocument.Parse(json).RootElement.GetProperty("tool_versions").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(versions.Order(StringComparer.Ordinal), versions);
    }

    [Fact]
    public void An_unknown_schema_version_is_rejected_with_a_clear_message()
    {
        var json = ReportJson.Serialize(ReportFixture.Build()).Replace("\"schema_version\": 1,", "\"schema_version\": 99,", StringComparison.Ordinal);
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
