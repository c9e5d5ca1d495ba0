using System.Text.Json;
using Faceoff.Protocol.Reading;

namespace Faceoff.Protocol.Tests;

/// <summary>The JSON Schema documents exactly what the loader accepts, with the same defaults.</summary>
public sealed class SchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(TestFiles.Schema)).RootElement;
    private static readonly JsonElement Definitions = Schema.GetProperty("$defs");

    [Fact]
    public void Schema_is_draft_2020_12_and_the_default_protocol_points_at_it()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema.GetProperty("$schema").GetString());
        Assert.Equal("#/$defs/protocol", Schema.GetProperty("$ref").GetString());
        using var protocol = JsonDocument.Parse(File.ReadAllText(TestFiles.DefaultProtocol));
        Assert.Equal("./faceoff-protocol.schema.json", protocol.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Every_object_lists_exactly_the_fields_the_loader_knows()
    {
        foreach (var (definition, fields) in ProtocolFields.ByDefinition)
        {
            var schemaObject = Definitions.GetProperty(definition);
            var properties = schemaObject.GetProperty("properties").EnumerateObject().Select(property => property.Name);
            Assert.True(fields.Order().SequenceEqual(properties.Order()), $"$defs.{definition}: schema [{string.Join(", ", properties)}] vs loader [{string.Join(", ", fields)}]");
            Assert.False(schemaObject.GetProperty("additionalProperties").GetBoolean(), $"$defs.{definition} must reject unknown fields");
        }
    }

    [Fact]
    public void Every_schema_object_with_properties_has_a_loader_field_list()
    {
        var withProperties = Definitions.EnumerateObject().Where(definition => definition.Value.TryGetProperty("properties", out _)).Select(definition => definition.Name);

        Assert.Equal(withProperties.Order(), ProtocolFields.ByDefinition.Keys.Order());
    }

    [Fact]
    public void Documented_defaults_are_the_loaders_defaults()
    {
        Assert.Equal(ProtocolDefaults.ConcurrencyLadder.ToArray(), Default("protocol", "concurrency_ladder").EnumerateArray().Select(step => step.GetInt32()));
        Assert.Equal(ProtocolDefaults.Host, Default("protocol", "host").GetString());
        Assert.Equal(ProtocolDefaults.Warmup.Fixed.DurationSeconds, Definitions.GetProperty("warmup").GetProperty("default").GetProperty("duration_seconds").GetDouble());
        Assert.Equal(ProtocolDefaults.WarmupRepeats, Default("warmup", "repeats").GetInt32());
        Assert.Equal(ProtocolDefaults.Measured.DurationSeconds, Definitions.GetProperty("measured").GetProperty("default").GetProperty("duration_seconds").GetDouble());
        Assert.Equal(ProtocolDefaults.MeasuredRepeats, Default("measured", "repeats").GetInt32());
        Assert.Equal(ProtocolDefaults.UntilStable.WindowSeconds, Default("until_stable", "window_seconds").GetDouble());
        Assert.Equal(ProtocolDefaults.UntilStable.PassSeconds, Default("until_stable", "pass_seconds").GetDouble());
        Assert.Equal(ProtocolDefaults.UntilStable.MaxCv, Default("until_stable", "max_cv").GetDouble());
        Assert.Equal(ProtocolDefaults.UntilStable.MaxSeconds, Default("until_stable", "max_seconds").GetDouble());
        Assert.Equal(ProtocolDefaults.Reproducibility.MaxCvRatio, Default("reproducibility", "max_cv_ratio").GetDouble());
        Assert.Equal(ProtocolDefaults.Parity.HoldPath, Default("parity", "hold_path").GetString());
        Assert.Equal(ProtocolDefaults.Parity.HoldSeconds, Default("parity", "hold_seconds").GetDouble());
        Assert.Equal(ProtocolDefaults.Parity.ProbeTimeoutSeconds, Default("parity", "probe_timeout_seconds").GetDouble());
        Assert.Equal(ProtocolDefaults.Parity.RecoveryTimeoutSeconds, Default("parity", "recovery_timeout_seconds").GetDouble());
        Assert.Equal(ProtocolDefaults.Parity.SampleEvery, Default("parity", "sample_every").GetInt32());
        Assert.Equal(ProtocolDefaults.Comparison.ConfidenceLevel, Default("comparison", "confidence_level").GetDouble());
        Assert.Equal(ProtocolDefaults.Comparison.EquivalenceBand, Default("comparison", "equivalence_band").GetDouble());
        Assert.Equal(ProtocolDefaults.ReadinessTimeoutSeconds, Default("readiness", "timeout_seconds").GetDouble());
        Assert.Equal(ProtocolDefaults.OverloadStatus, Default("constrained", "overload_status").GetInt32());
        Assert.Equal(ProtocolDefaults.Method, Default("scenario", "method").GetString());
        Assert.Equal(ProtocolDefaults.Postgres.SharedBuffers, Default("service", "shared_buffers").GetString());
        Assert.Equal(ProtocolDefaults.Postgres.SynchronousCommit, Default("service", "synchronous_commit").GetString());
        Assert.Equal(ProtocolDefaults.Postgres.MaxConnections, Default("service", "max_connections").GetInt32());
        Assert.Equal(ProtocolDefaults.SeedRows, Default("service", "seed_rows").GetInt32());
    }

    private static JsonElement Default(string definition, string property) =>
        Definitions.GetProperty(definition).GetProperty("properties").GetProperty(property).GetProperty("default");
}
