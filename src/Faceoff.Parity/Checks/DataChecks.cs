using System.Text.Json;
using System.Text.Json.Nodes;
using Faceoff.Parity.Http;
using Faceoff.Protocol.Model;
using Faceoff.Targets.Services;

namespace Faceoff.Parity.Checks;

/// <summary>
/// Parity for data, not only shapes: db_read must return the same rows from both frameworks, and a write the
/// framework acknowledged must really be in the table (and a rejected one must not). Run against a seeded
/// database, one side at a time for writes (the row counts are global to the table).
/// </summary>
public static class DataChecks
{
    public const string ReadCheck = "db.read_items";
    public const string WriteCheck = "db.write_persisted";

    /// <summary>Sends the read scenario to both sides and compares their <c>items</c> arrays element by element.</summary>
    public static async Task<ParityFinding> ReadAsync(
        ScenarioDefinition scenario, ParitySide candidate, ParitySide reference, string pair, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(reference);
        var left = await ItemsAsync(scenario, candidate, timeout, ct).ConfigureAwait(false);
        var right = await ItemsAsync(scenario, reference, timeout, ct).ConfigureAwait(false);
        if ((left.Problem ?? right.Problem) is { } problem)
        {
            return ParityFinding.Fail(ReadCheck, pair, $"scenario {scenario.Id}: {problem}", "a JSON object with an items array from both", problem);
        }

        var (a, b) = (left.Items!, right.Items!);
        if (a.Count == 0)
        {
            return ParityFinding.Fail(ReadCheck, candidate.Profile, $"scenario {scenario.Id}: no items returned; the seeded table has rows in every category", "at least one item", "[]");
        }

        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            var (x, y) = (i < a.Count ? a[i] : null, i < b.Count ? b[i] : null);
            if (!JsonNode.DeepEquals(x, y))
            {
                return ParityFinding.Fail(
                    ReadCheck, pair, $"scenario {scenario.Id}: item {i} differs ({candidate.Profile}: {Text(x)}; {reference.Profile}: {Text(y)})", Text(y), Text(x));
            }
        }

        return ParityFinding.Pass(ReadCheck, pair, $"scenario {scenario.Id}: both returned the same {a.Count} items");
    }

    /// <summary>
    /// Sends the write scenario once and compares the rows inserted before and after: a 2xx must have inserted exactly
    /// the row with the sent values; any other answer must have inserted nothing.
    /// </summary>
    public static async Task<ParityFinding> WriteAsync(ScenarioDefinition scenario, ParitySide side, IDatabaseService database, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(side);
        ArgumentNullException.ThrowIfNull(database);
        if (side.BaseUri is null)
        {
            return ParityFinding.Fail(WriteCheck, side.Profile, $"scenario {scenario.Id}: server not available: {side.Unavailable ?? "not started"}", "a running server", side.Unavailable);
        }

        var before = await database.CountInsertedAsync(ct).ConfigureAwait(false);
        var outcome = await WireClient.SendAsync(side.BaseUri, WireRequest.For(scenario), timeout, ct).ConfigureAwait(false);
        var inserted = await database.CountInsertedAsync(ct).ConfigureAwait(false) - before;
        if (outcome.Response is not { } response)
        {
            return ParityFinding.Fail(WriteCheck, side.Profile, $"scenario {scenario.Id}: {outcome.Error}", "a response", outcome.Error);
        }

        var accepted = response.Status is >= 200 and < 300;
        if (!accepted)
        {
            return inserted == 0
                ? ParityFinding.Pass(WriteCheck, side.Profile, $"scenario {scenario.Id}: answered {response.Status} and inserted nothing")
                : ParityFinding.Fail(WriteCheck, side.Profile, $"scenario {scenario.Id}: answered {response.Status} yet inserted {inserted} row(s)", "0 rows", $"{inserted} rows");
        }

        if (SentItem(scenario.Body) is not { } sent)
        {
            return ParityFinding.Fail(WriteCheck, side.Profile, $"scenario {scenario.Id}: its body has no name/amount/category to look for", "a body {\"name\",\"amount\",\"category\"}", scenario.Body);
        }

        var row = $"{{name: {sent.Name}, amount: {sent.Amount}, category: {sent.Category}}}";
        if (inserted != 1 || !await database.InsertedRowExistsAsync(sent.Name, sent.Amount, sent.Category, ct).ConfigureAwait(false))
        {
            var what = inserted == 0 ? "no row was inserted" : inserted == 1 ? "the row inserted has other values" : $"{inserted} rows were inserted";
            return ParityFinding.Fail(WriteCheck, side.Profile, $"scenario {scenario.Id}: answered {response.Status} but {what}; missing row {row}", $"1 row {row}", $"{inserted} rows");
        }

        return ParityFinding.Pass(WriteCheck, side.Profile, $"scenario {scenario.Id}: answered {response.Status} and row {row} is in the table");
    }

    private static async Task<(IReadOnlyList<JsonNode?>? Items, string? Problem)> ItemsAsync(ScenarioDefinition scenario, ParitySide side, TimeSpan timeout, CancellationToken ct)
    {
        if (side.BaseUri is null)
        {
            return (null, $"{side.Profile}: server not available");
        }

        var outcome = await WireClient.SendAsync(side.BaseUri, WireRequest.For(scenario), timeout, ct).ConfigureAwait(false);
        if (outcome.Response is not { } response)
        {
            return (null, $"{side.Profile}: {outcome.Error}");
        }

        try
        {
            return JsonNode.Parse(response.Body.Span) is JsonObject { } body && body["items"] is JsonArray items
                ? ([.. items], null)
                : (null, $"{side.Profile}: answered {response.Status} without an items array");
        }
        catch (JsonException)
        {
            return (null, $"{side.Profile}: answered {response.Status} with a body that is not JSON");
        }
    }

    private static (string Name, int Amount, string Category)? SentItem(string? body)
    {
        try
        {
            return body is not null && JsonNode.Parse(body) is JsonObject item
                && item["name"] is JsonValue name && name.TryGetValue<string>(out var n)
                && item["amount"] is JsonValue amount && amount.TryGetValue<int>(out var a)
                && item["category"] is JsonValue category && category.TryGetValue<string>(out var c)
                ? (n, a, c)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "(missing)";
}
