using System.Text;
using System.Text.Json;
using Faceoff.Apps.Tests.Infrastructure;

namespace Faceoff.Apps.Tests;

/// <summary>db_read and db_write on both apps against one real, seeded PostgreSQL.</summary>
public sealed class DatabaseEndpointTests(DatabaseApps fixture) : IClassFixture<DatabaseApps>
{
    private const string BadItem =
        "body must be a JSON object with name (string of 1 to 200 characters, no NUL), amount (integer between -2147483648 and 2147483647) and category (1 to 32 lowercase ASCII letters)\n";

    [Theory]
    [InlineData("/api/db/items?category=alpha&limit=50")]
    [InlineData("/api/db/items?category=theta&limit=1")]
    [InlineData("/api/db/items?category=beta&limit=500")]
    [InlineData("/api/db/items?category=beta")]
    [InlineData("/api/db/items?category=nosuch&limit=5")]
    [InlineData("/api/db/items?category=alpha&limit=3&limit=2")]
    [InlineData("/api/db/items")]
    [InlineData("/api/db/items?category=Alpha")]
    [InlineData("/api/db/items?category=alpha&limit=0")]
    [InlineData("/api/db/items?category=alpha&limit=501")]
    [InlineData("/api/db/items?category=alpha&limit=-1")]
    [InlineData("/api/db/items?category=alpha&limit=1e1")]
    public async Task Reads_are_byte_identical_on_both_apps(string pathAndQuery)
    {
        var (aspNet, fastApi) = await fixture.Apps.BothAsync(HttpMethod.Get, pathAndQuery);

        Parity.AssertSameWire(aspNet, fastApi);
        Assert.True((int)aspNet.Status is 200 or 400, aspNet.Text);
    }

    [Fact]
    public async Task The_contract_read_returns_the_first_50_alpha_rows_in_id_order()
    {
        var read = await fixture.Apps.GetAsync(AppKind.AspNet, "/api/db/items?category=alpha&limit=50");

        using var body = JsonDocument.Parse(read.Body);
        var items = body.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(50, body.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(Enumerable.Range(0, 50).Select(i => 1L + (8 * i)), items.Select(item => item.GetProperty("id").GetInt64()));
        Assert.Equal("""{"id":1,"name":"item-000001","amount":7919,"category":"alpha","created":"2025-01-01T00:00:01.000000Z"}""", items[0].GetRawText());
    }

    [Theory]
    [InlineData(AppKind.AspNet)]
    [InlineData(AppKind.FastApi)]
    public async Task A_write_answers_201_with_the_row_and_the_row_is_in_the_table(AppKind kind)
    {
        var name = $"write-{kind}-{Guid.NewGuid():N}";
        var before = await fixture.Database.CountInsertedAsync(CancellationToken.None);

        var answer = await Post(kind, $$"""{"name": "{{name}}", "amount": 777, "category": "omega", "extra": [1]}""");

        Assert.Equal(201, (int)answer.Status);
        Assert.Equal(Parity.Json, answer.ContentType);
        using var body = JsonDocument.Parse(answer.Body);
        Assert.Equal(["id", "name", "amount", "category", "created"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Matches("""^\{"id":[0-9]+,"name":"write-[A-Za-z]+-[0-9a-f]{32}","amount":777,"category":"omega","created":"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z"\}$""", answer.Text);
        Assert.True(await fixture.Database.InsertedRowExistsAsync(name, 777, "omega", CancellationToken.None));
        Assert.True(await fixture.Database.CountInsertedAsync(CancellationToken.None) > before);
    }

    [Theory]
    [InlineData("""{"name": "x", "category": "omega"}""")]
    [InlineData("""{"name": "x", "amount": "777", "category": "omega"}""")]
    [InlineData("""{"name": "x", "amount": 7.5, "category": "omega"}""")]
    [InlineData("""{"name": "x", "amount": 7.0, "category": "omega"}""")]
    [InlineData("""{"name": "x", "amount": true, "category": "omega"}""")]
    [InlineData("""{"name": "x", "amount": 2147483648, "category": "omega"}""")]
    [InlineData("""{"name": "", "amount": 1, "category": "omega"}""")]
    [InlineData("""{"name": "x\u0000y", "amount": 1, "category": "omega"}""")]
    [InlineData("""{"name": 5, "amount": 1, "category": "omega"}""")]
    [InlineData("""{"name": "x", "amount": 1, "category": "Omega"}""")]
    [InlineData("""[{"name": "x", "amount": 1, "category": "omega"}]""")]
    [InlineData("""{"name": "x", "amount": 1, "category": "omega" """)]
    [InlineData("")]
    [InlineData("not json")]
    public async Task Bad_payloads_get_the_same_400_from_both_apps_and_insert_nothing(string body)
    {
        var before = await fixture.Database.CountRowsAsync(CancellationToken.None);

        var aspNet = await Post(AppKind.AspNet, body);
        var fastApi = await Post(AppKind.FastApi, body);

        Parity.AssertSameWire(aspNet, fastApi);
        Parity.AssertAnswer(aspNet, 400, Parity.TextPlain, BadItem);
        Assert.Equal(before, await fixture.Database.CountRowsAsync(CancellationToken.None));
    }

    private Task<Exchange> Post(AppKind kind, string body)
    {
        var app = fixture.Apps[kind];
        return Send();

        async Task<Exchange> Send()
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(app.BaseUri, "/api/db/items")) { Content = content };
            using var response = await fixture.Apps.Client.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var headers = response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated)
                .ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
            return new Exchange(response.StatusCode, headers.TryGetValue("content-type", out var type) ? string.Join(", ", type) : null, bytes, headers);
        }
    }
}
