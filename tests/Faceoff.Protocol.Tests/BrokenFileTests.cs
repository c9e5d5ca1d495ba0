namespace Faceoff.Protocol.Tests;

/// <summary>Each broken protocol must yield exactly these located errors — no more, no fewer.</summary>
public sealed class BrokenFileTests
{
    [Fact]
    public void The_mini_protocol_itself_is_valid()
    {
        Assert.Empty(MiniProtocol.Errors(MiniProtocol.Text));
    }

    [Fact]
    public void Syntax_error_is_located_where_the_reader_stopped()
    {
        Assert.Equal(
            ["4:3: $: invalid JSON: '\"' is invalid after a value. Expected either ',', '}', or ']'."],
            MiniProtocol.Errors(MiniProtocol.With("\"name\": \"mini\",", "\"name\": \"mini\"")));
    }

    [Fact]
    public void Trailing_comma_is_a_syntax_error()
    {
        Assert.Equal(
            ["13:56: $.profiles.b.scenarios: invalid JSON: The JSON array contains a trailing comma at the end, which JSON does not allow."],
            MiniProtocol.Errors(MiniProtocol.With("[\"healthz\"] }", "[\"healthz\",] }")));
    }

    [Fact]
    public void Wrong_type_names_what_was_expected_and_what_was_found()
    {
        Assert.Equal(
            ["16:75: $.pairs[0].candidate_port: expected an integer 1-65535, got \"abc\""],
            MiniProtocol.Errors(MiniProtocol.With("\"candidate_port\": 4001", "\"candidate_port\": \"abc\"")));
    }

    [Fact]
    public void Port_out_of_range()
    {
        Assert.Equal(
            ["16:75: $.pairs[0].candidate_port: expected an integer 1-65535, got 70000"],
            MiniProtocol.Errors(MiniProtocol.With("\"candidate_port\": 4001", "\"candidate_port\": 70000")));
    }

    [Fact]
    public void Missing_required_field_is_located_at_its_object()
    {
        Assert.Equal(
            ["16:5: $.pairs[0]: missing required field \"reference_port\" (expected an integer 1-65535)"],
            MiniProtocol.Errors(MiniProtocol.With(", \"reference_port\": 4002", string.Empty)));
    }

    [Fact]
    public void Misspelt_field_is_unknown_with_a_suggestion_and_the_real_one_is_missing()
    {
        Assert.Equal(
            [
                "16:21: $.pairs[0].candiate: unknown field \"candiate\" (did you mean \"candidate\"? expected one of: name, candidate, reference, candidate_port, reference_port, concurrency_ladder, server_host, load_hosts)",
                "16:5: $.pairs[0]: missing required field \"candidate\" (expected a profile id)",
            ],
            MiniProtocol.Errors(MiniProtocol.With("\"candidate\": \"a\"", "\"candiate\": \"a\"")));
    }

    [Fact]
    public void Unknown_top_level_field_is_an_error_not_ignored()
    {
        var errors = MiniProtocol.Errors(MiniProtocol.WithField("\"ladder\": [1, 2],"));

        var error = Assert.Single(errors);
        Assert.StartsWith("4:3: $.ladder: unknown field \"ladder\" (expected one of: $schema, schema_version, name,", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ladder_steps_must_be_positive_and_increase()
    {
        Assert.Equal(
            [
                "4:32: $.concurrency_ladder[2]: duplicate concurrency 4 (the ladder must be strictly increasing)",
                "4:35: $.concurrency_ladder[3]: expected an integer 1-10000, got 0",
            ],
            MiniProtocol.Errors(MiniProtocol.WithField("\"concurrency_ladder\": [1, 4, 4, 0],")));
    }

    [Fact]
    public void A_pass_has_requests_or_a_duration_not_both_and_at_least_one_repeat()
    {
        Assert.Equal(
            [
                "4:15: $.measured: expected exactly one of \"requests\" or \"duration_seconds\", got both",
                "4:68: $.measured.repeats: expected an integer 1-1000, got 0",
            ],
            MiniProtocol.Errors(MiniProtocol.WithField("\"measured\": { \"requests\": 100, \"duration_seconds\": 2, \"repeats\": 0 },")));
    }

    [Fact]
    public void A_pass_needs_a_bound()
    {
        Assert.Equal(
            ["4:13: $.warmup: expected exactly one of \"requests\" or \"duration_seconds\", got neither"],
            MiniProtocol.Errors(MiniProtocol.WithField("\"warmup\": { \"repeats\": 2 },")));
    }

    [Fact]
    public void Durations_must_be_positive()
    {
        Assert.Equal(
            ["4:37: $.measured.duration_seconds: expected a number greater than 0, got 0"],
            MiniProtocol.Errors(MiniProtocol.WithField("\"measured\": { \"duration_seconds\": 0 },")));
    }

    [Fact]
    public void Pair_naming_an_unknown_profile()
    {
        Assert.Equal(
            ["16:52: $.pairs[0].reference: unknown profile \"c\" (defined: a, b)"],
            MiniProtocol.Errors(MiniProtocol.With("\"reference\": \"b\"", "\"reference\": \"c\"")));
    }

    [Fact]
    public void Profile_naming_an_unknown_framework()
    {
        Assert.Equal(
            ["13:25: $.profiles.b.framework: unknown framework \"ap\" (defined: app)"],
            MiniProtocol.Errors(MiniProtocol.With("\"b\": { \"framework\": \"app\"", "\"b\": { \"framework\": \"ap\"")));
    }

    [Fact]
    public void Profile_serving_an_unknown_scenario()
    {
        Assert.Equal(
            ["13:57: $.profiles.b.scenarios[1]: unknown scenario \"stats\" (defined: healthz, status)"],
            MiniProtocol.Errors(MiniProtocol.With("[\"healthz\"] }", "[\"healthz\", \"stats\"] }")));
    }

    [Fact]
    public void Claim_naming_an_unknown_pair()
    {
        Assert.Equal(
            ["19:34: $.claim_targets[0].pair: unknown pair \"p2\" (defined: p1)"],
            MiniProtocol.Errors(MiniProtocol.With("\"pair\": \"p1\"", "\"pair\": \"p2\"")));
    }

    [Fact]
    public void Claim_on_a_scenario_only_one_side_serves()
    {
        Assert.Equal(
            ["19:52: $.claim_targets[0].scenario: scenario \"status\" is not served by both profiles of pair \"p1\" (a, b); they both serve: healthz"],
            MiniProtocol.Errors(MiniProtocol.With("\"scenario\": \"healthz\" }", "\"scenario\": \"status\" }")));
    }

    [Fact]
    public void Unknown_keepalive_scenario()
    {
        Assert.Equal(
            ["4:37: $.parity.keepalive_scenario: unknown scenario \"ping\" (defined: healthz, status)"],
            MiniProtocol.Errors(MiniProtocol.WithField("\"parity\": { \"keepalive_scenario\": \"ping\" },")));
    }

    [Fact]
    public void Duplicate_claim_ids()
    {
        Assert.Equal(
            ["20:19: $.claim_targets[1].claim_id: duplicate claim id \"C01\" (first at line 19:19)"],
            MiniProtocol.Errors(MiniProtocol.With(
                "\"scenario\": \"healthz\" }\n",
                "\"scenario\": \"healthz\" },\n    { \"claim_id\": \"C01\", \"pair\": \"p1\", \"scenario\": \"healthz\" }\n")));
    }

    [Fact]
    public void Candidate_and_reference_on_the_same_port()
    {
        Assert.Equal(
            ["16:99: $.pairs[0].reference_port: reference port 4001 is the same as the candidate port; the two servers need different ports"],
            MiniProtocol.Errors(MiniProtocol.With("\"reference_port\": 4002", "\"reference_port\": 4001")));
    }

    [Fact]
    public void Two_pairs_reusing_a_port()
    {
        Assert.Equal(
            ["17:99: $.pairs[1].reference_port: port 4001 is already used by pair \"p1\" (candidate); every server needs its own port"],
            MiniProtocol.Errors(MiniProtocol.With(
                "\"reference_port\": 4002 }\n",
                "\"reference_port\": 4002 },\n    { \"name\": \"p2\", \"candidate\": \"a\", \"reference\": \"b\", \"candidate_port\": 4003, \"reference_port\": 4001 }\n")));
    }

    [Fact]
    public void Invalid_header_pattern()
    {
        Assert.Equal(
            ["8:117: $.scenarios.healthz.contract.required_headers[0].pattern: invalid regular expression: Invalid pattern '(' at offset 1. Not enough )'s."],
            MiniProtocol.Errors(MiniProtocol.With(
                "\"contract\": { \"status\": 200 } }",
                "\"contract\": { \"status\": 200, \"required_headers\": [{ \"name\": \"x-id\", \"pattern\": \"(\" }] } }")));
    }

    [Fact]
    public void Unknown_json_type_name()
    {
        Assert.Equal(
            ["9:134: $.scenarios.status.contract.json.required_keys.ok: unknown JSON type \"bool\" (expected one of \"array\", \"boolean\", \"integer\", \"null\", \"number\", \"object\", \"string\")"],
            MiniProtocol.Errors(MiniProtocol.With(
                "\"media_type\": \"application/json\" }",
                "\"media_type\": \"application/json\", \"json\": { \"required_keys\": { \"ok\": \"bool\" } } }")));
    }

    [Fact]
    public void A_field_cannot_be_volatile_and_exact()
    {
        Assert.Equal(
            ["9:161: $.scenarios.status.contract.json.volatile_fields[0]: \"ok\" is volatile and also has an exact value; it can be only one"],
            MiniProtocol.Errors(MiniProtocol.With(
                "\"media_type\": \"application/json\" }",
                "\"media_type\": \"application/json\", \"json\": { \"exact_values\": { \"ok\": true }, \"volatile_fields\": [\"ok\"] } }")));
    }

    [Fact]
    public void Unknown_placeholder()
    {
        Assert.Equal(
            ["5:62: $.frameworks.app.start.args[1]: unknown placeholder {prot} (expected one of: {port}, {host}, {protocol_dir}, {python}, {database_url}, {arlen_home})"],
            MiniProtocol.Errors(MiniProtocol.With("\"{port}\"]", "\"{prot}\"]")));
    }

    [Fact]
    public void Python_placeholder_needs_a_python_runtime()
    {
        Assert.Equal(
            ["5:36: $.frameworks.app.start.command: placeholder {python} needs runtime \"python\" (this framework's runtime is \"none\")"],
            MiniProtocol.Errors(MiniProtocol.With("\"command\": \"app\"", "\"command\": \"{python}\"")));
    }

    [Fact]
    public void Unsupported_schema_version()
    {
        Assert.Equal(
            ["2:21: $.schema_version: expected 2 (or 1 for the seed's format), got 3"],
            MiniProtocol.Errors(MiniProtocol.With("\"schema_version\": 2", "\"schema_version\": 3")));
    }

    [Fact]
    public void Duplicate_field()
    {
        Assert.Equal(
            ["4:3: $.name: duplicate field \"name\" (first at line 3:3)"],
            MiniProtocol.Errors(MiniProtocol.WithField("\"name\": \"again\",")));
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var json = MiniProtocol.With("\"candidate_port\": 4001", "\"candidate_port\": 0")
            .Replace("\"reference\": \"b\"", "\"reference\": \"zz\"", StringComparison.Ordinal)
            .Replace("\"status\": 200 } }", "\"status\": 999 } }", StringComparison.Ordinal);

        Assert.Equal(
            [
                "8:62: $.scenarios.healthz.contract.status: expected an HTTP status 100-599, got 999",
                "16:76: $.pairs[0].candidate_port: expected an integer 1-65535, got 0",
                "16:52: $.pairs[0].reference: unknown profile \"zz\" (defined: a, b)",
            ],
            MiniProtocol.Errors(json));
    }

    [Fact]
    public void Missing_file_and_non_object_documents()
    {
        var missing = Path.Combine(Path.GetTempPath(), "faceoff-no-such-protocol.json");
        var error = Assert.Single(TestFiles.Load(missing).Errors);
        Assert.Equal($"{missing}: $: cannot read the protocol: file not found", error.ToString());

        Assert.Equal(["1:1: $: expected an object (a Faceoff campaign protocol), got an array"], MiniProtocol.Errors("[1]"));
    }

    [Fact]
    public void Error_text_has_the_file_line_column_path_message_form()
    {
        var path = TestFiles.WriteTemp(MiniProtocol.With("\"candidate_port\": 4001", "\"candidate_port\": \"abc\""), "x.json");

        var error = Assert.Single(TestFiles.Load(path).Errors);

        Assert.Equal($"{path}:16:75: $.pairs[0].candidate_port: expected an integer 1-65535, got \"abc\"", error.ToString());
    }
}
