using System.Text;
using Faceoff.Load.Http;

namespace Faceoff.Load.Tests;

public sealed class ParserTests
{
    public static TheoryData<string> ValidNames => [.. RecordedResponses.Valid.Select(c => c.Name)];

    public static TheoryData<string> InvalidNames => [.. RecordedResponses.Invalid.Select(c => c.Name)];

    private sealed record Outcome(ParseStatus Status, int Code, long BodyBytes, bool KeepAlive, int Consumed, string Body, string? Error);

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void Valid_response_parses_to_the_recorded_outcome(string name)
    {
        var c = RecordedResponses.Valid.Single(v => v.Name == name);
        var outcome = ParseInPieces(Bytes(c.Raw), []);

        Assert.Equal(ParseStatus.Complete, outcome.Status);
        Assert.Equal(c.Status, outcome.Code);
        Assert.Equal(c.BodyBytes, outcome.BodyBytes);
        Assert.Equal(c.KeepAlive, outcome.KeepAlive);
        Assert.Equal(c.Body, outcome.Body);
        Assert.Equal(c.Raw.Length, outcome.Consumed);
    }

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void Every_split_point_gives_the_same_result(string name)
    {
        var raw = Bytes(RecordedResponses.Valid.Single(v => v.Name == name).Raw);
        var whole = ParseInPieces(raw, []);
        for (var split = 1; split < raw.Length; split++)
        {
            Assert.Equal(whole, ParseInPieces(raw, [split]));
        }

        Assert.Equal(whole, ParseInPieces(raw, [.. Enumerable.Range(1, raw.Length - 1)]));
    }

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void Every_pair_of_split_points_gives_the_same_result(string name)
    {
        var raw = Bytes(RecordedResponses.Valid.Single(v => v.Name == name).Raw);
        var whole = ParseInPieces(raw, []);
        var step = Math.Max(1, raw.Length / 120);
        for (var a = 1; a < raw.Length; a += step)
        {
            for (var b = a + 1; b < raw.Length; b += step)
            {
                Assert.Equal(whole, ParseInPieces(raw, [a, b]));
            }
        }
    }

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void Invalid_response_is_a_parse_error_at_every_split(string name)
    {
        var raw = Bytes(RecordedResponses.Invalid.Single(v => v.Name == name).Raw);
        var whole = ParseInPieces(raw, []);
        Assert.Equal(ParseStatus.Error, whole.Status);
        Assert.NotNull(whole.Error);
        for (var split = 1; split < raw.Length; split++)
        {
            Assert.Equal(ParseStatus.Error, ParseInPieces(raw, [split]).Status);
        }
    }

    [Fact]
    public void Oversize_header_block_is_a_parse_error()
    {
        var raw = Bytes("HTTP/1.1 200 OK\r\nX-Big: " + new string('a', 2000) + "\r\nContent-Length: 0\r\n\r\n");
        var parser = new HttpResponseParser(maxHeaderBytes: 1024);

        Assert.Equal(ParseStatus.Error, parser.Parse(raw, out _));
        Assert.Contains("header block", parser.ErrorReason, StringComparison.Ordinal);
        Assert.Equal(ParseStatus.Complete, new HttpResponseParser(maxHeaderBytes: 4096).Parse(raw, out _));
    }

    [Fact]
    public void Truncated_response_at_eof_is_an_error_but_an_until_close_body_completes()
    {
        var truncated = new HttpResponseParser();
        Assert.Equal(ParseStatus.NeedMore, truncated.Parse(Bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"), out _));
        Assert.Equal(ParseStatus.Error, truncated.OnEof());

        var untilClose = new HttpResponseParser();
        Assert.Equal(ParseStatus.NeedMore, untilClose.Parse(Bytes("HTTP/1.0 200 OK\r\n\r\nabc"), out _));
        Assert.Equal(ParseStatus.Complete, untilClose.OnEof());
        Assert.False(untilClose.KeepAlive);
    }

    [Fact]
    public void Head_request_response_has_no_body_even_with_a_length()
    {
        var parser = new HttpResponseParser(noBody: true);
        var raw = Bytes("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
        Assert.Equal(ParseStatus.Complete, parser.Parse(raw, out var consumed));
        Assert.Equal(raw.Length, consumed);
    }

    [Fact]
    public void Back_to_back_responses_are_separated_by_consumed()
    {
        var first = RecordedResponses.Valid[0].Raw;
        var raw = Bytes(first + first);
        var parser = new HttpResponseParser();

        Assert.Equal(ParseStatus.Complete, parser.Parse(raw, out var consumed));
        Assert.Equal(first.Length, consumed);
        parser.Reset();
        Assert.Equal(ParseStatus.Complete, parser.Parse(raw.AsSpan(consumed), out var second));
        Assert.Equal(first.Length, second);
    }

    [Fact]
    public void Capture_collects_headers_and_decoded_body_within_the_cap()
    {
        var c = RecordedResponses.Valid.Single(v => v.Name.StartsWith("kestrel", StringComparison.Ordinal));
        var parser = new HttpResponseParser();
        parser.BeginCapture(maxBodyBytes: 10);
        Assert.Equal(ParseStatus.Complete, parser.Parse(Bytes(c.Raw), out _));

        var sampled = parser.Capture!.ToSampledResponse(parser.StatusCode);
        Assert.Equal(200, sampled.StatusCode);
        Assert.Equal("chunked", sampled.GetHeader("transfer-encoding"));
        Assert.Equal(4, sampled.Headers.Count);
        Assert.Equal(c.Body[..10], Encoding.ASCII.GetString(sampled.Body.Span));
        Assert.True(sampled.BodyTruncated);
    }

    private static byte[] Bytes(string s) => Encoding.Latin1.GetBytes(s);

    /// <summary>Feeds <paramref name="raw"/> split at the given offsets, as separate reads would deliver it.</summary>
    private static Outcome ParseInPieces(byte[] raw, int[] splits)
    {
        var parser = new HttpResponseParser();
        parser.BeginCapture(1024 * 1024);
        var status = ParseStatus.NeedMore;
        var consumed = 0;
        var start = 0;
        foreach (var end in splits.Append(raw.Length))
        {
            status = parser.Parse(raw.AsSpan(start, end - start), out var used);
            consumed += used;
            start = end;
            if (status != ParseStatus.NeedMore)
            {
                break;
            }
        }

        if (status == ParseStatus.NeedMore)
        {
            status = parser.OnEof();
        }

        var body = parser.Capture is { } capture ? Encoding.Latin1.GetString(capture.BodyBytes) : "";
        return new Outcome(status, parser.StatusCode, parser.BodyBytes, parser.KeepAlive, consumed, body, parser.ErrorReason);
    }
}
