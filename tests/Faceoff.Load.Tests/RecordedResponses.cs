namespace Faceoff.Load.Tests;

/// <summary>Responses as servers send them, with what a correct parser must conclude.</summary>
internal static class RecordedResponses
{
    public sealed record Case(string Name, string Raw, int Status, long BodyBytes, bool KeepAlive, string Body, bool EndsAtEof = false);

    public static readonly Case[] Valid =
    [
        new("nginx content-length",
            "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Wed, 26 Nov 2025 14:00:00 GMT\r\nContent-Type: text/plain\r\nContent-Length: 3\r\nConnection: keep-alive\r\n\r\nok\n",
            200, 3, true, "ok\n"),
        new("kestrel chunked with extensions and trailers",
            "HTTP/1.1 200 OK\r\ncontent-type: application/json; charset=utf-8\r\nDate: Wed, 26 Nov 2025 14:00:00 GMT\r\nServer: Kestrel\r\nTRANSFER-ENCODING: chunked\r\n\r\n" +
            "7;name=value\r\n{\"a\":1,\r\n0a ; ext\r\n\"b\":[1,2]}\r\n0\r\nX-Checksum: abc\r\nX-Other: def\r\n\r\n",
            200, 17, true, "{\"a\":1,\"b\":[1,2]}"),
        new("uvicorn mixed-case headers and empty reason",
            "HTTP/1.1 404 \r\ndate: Wed, 26 Nov 2025 14:00:00 GMT\r\nserver: uvicorn\r\ncOnTeNt-LeNgTh: 22\r\ncontent-type: application/json\r\n\r\n{\"detail\":\"Not Found\"}",
            404, 22, true, "{\"detail\":\"Not Found\"}"),
        new("connection close",
            "HTTP/1.1 503 Service Unavailable\r\nConnection: keep-alive, Close\r\nContent-Length: 4\r\n\r\nbusy",
            503, 4, false, "busy"),
        new("no content",
            "HTTP/1.1 204 No Content\r\nServer: test\r\n\r\n",
            204, 0, true, ""),
        new("not modified with a content-length",
            "HTTP/1.1 304 Not Modified\r\nContent-Length: 1234\r\nETag: \"x\"\r\n\r\n",
            304, 0, true, ""),
        new("interim 100 continue then 201",
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nLocation: /items/1\r\nContent-Length: 2\r\n\r\n{}",
            201, 2, true, "{}"),
        new("http/1.0 with length",
            "HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nhello",
            200, 5, false, "hello"),
        new("gzip then chunked transfer-encoding",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\nContent-Length: 999\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
            200, 3, true, "abc"),
        new("bare LF line endings",
            "HTTP/1.1 200 OK\nContent-Length: 2\nX-Note: tolerated\n\nhi",
            200, 2, true, "hi"),
        new("empty header value and long ignored header",
            "HTTP/1.1 200 OK\r\nX-Empty:\r\nX-Long: " + new string('v', 5000) + "\r\nContent-Length: 0\r\n\r\n",
            200, 0, true, ""),
        new("http/1.0 body until close",
            "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nhello from 1.0",
            200, 14, false, "hello from 1.0", EndsAtEof: true),
        new("http/1.1 without length reads until close",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: identity\r\n\r\nstream",
            200, 6, false, "stream", EndsAtEof: true),
    ];

    public static readonly (string Name, string Raw)[] Invalid =
    [
        ("not http", "\u0016\u0003\u0001garbage, not HTTP at all\r\n\r\n"),
        ("http/2 preface", "HTTP/2 200\r\n\r\n"),
        ("status not digits", "HTTP/1.1 2x0 OK\r\n\r\n"),
        ("bad content-length", "HTTP/1.1 200 OK\r\nContent-Length: 12a\r\n\r\n"),
        ("conflicting content-length", "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"),
        ("bad chunk size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
        ("chunk longer than its size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n"),
        ("obsolete line folding", "HTTP/1.1 200 OK\r\nX-A: 1\r\n  continued\r\nContent-Length: 0\r\n\r\n"),
        ("space in header name", "HTTP/1.1 200 OK\r\nBad Name: 1\r\n\r\n"),
        ("bare CR", "HTTP/1.1 200 OK\r\nX: 1\rY: 2\r\n\r\n"),
        ("protocol switch", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n"),
    ];
}
