using System.CommandLine;
using System.Text;
using Faceoff.Load;

namespace Faceoff.Cli.Commands;

/// <summary>'faceoff load URL': the built-in load engine as a standalone tool, in the style of wrk and oha.</summary>
internal sealed class LoadCommand : Command
{
    private readonly Argument<string> _url = new("url") { Description = "Target URL (http:// only), e.g. http://127.0.0.1:8080/healthz." };

    private readonly Option<int> _connections = new("--connections", "-c")
    {
        Description = "Concurrent keep-alive connections.",
        DefaultValueFactory = _ => 16,
    };

    private readonly Option<string?> _duration = new("--duration", "-d")
    {
        Description = "Run for this long (e.g. 10s, 500ms, 2m; a bare number is seconds). Requests still in flight may finish until duration + timeout. Default 10s unless --requests is given.",
    };

    private readonly Option<long?> _requests = new("--requests", "-n")
    {
        Description = "Stop after this many requests (each counted as completed or as an error). Excludes --duration.",
    };

    private readonly Option<double?> _rate = new("--rate")
    {
        Description = "Open loop: send this many requests per second in total, on a fixed schedule (wrk2's model). Latency is measured from each request's intended send time (coordinated-omission corrected); the uncorrected latency is reported too. Without --rate: closed loop, each connection sends its next request when the previous response is complete.",
    };

    private readonly Option<int> _threads = new("--threads", "-t")
    {
        Description = "Worker threads, each running its own event loop over a share of the connections. 0 = one per core.",
        DefaultValueFactory = _ => 0,
    };

    private readonly Option<string> _timeout = new("--timeout")
    {
        Description = "Per-request timeout (connect + send + complete response), e.g. 5s or 250ms.",
        DefaultValueFactory = _ => "5s",
    };

    private readonly Option<string[]> _headers = new("--header", "-H")
    {
        Description = "Extra request header 'Name: value'; repeat for more. Host and Content-Length are added unless given.",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string> _method = new("--method", "-m")
    {
        Description = "HTTP method.",
        DefaultValueFactory = _ => "GET",
    };

    private readonly Option<string?> _body = new("--body") { Description = "Request body (UTF-8 text), sent with a Content-Length." };

    private readonly Option<FileInfo?> _json = new("--json")
    {
        Description = "Write the full machine-readable result here: summary, series, status and error counts, and the latency histogram(s) as base64 of HdrHistogram's compressed encoding.",
    };

    private readonly Option<FileInfo?> _hdrLog = new("--hdr-log")
    {
        Description = "Write the latency histogram(s) in HdrHistogram's log format (tags 'latency' and, with --rate, 'uncorrected').",
    };

    private readonly Option<bool> _allowRemote = new("--allow-remote")
    {
        Description = "Allow a target that does not resolve to a loopback address (refused by default).",
    };

    private readonly Option<long?> _startAt = new("--start-at")
    {
        Description = "Wait until this wall-clock instant (Unix time in milliseconds) before starting, so load from several machines starts together. An instant already past starts at once.",
    };

    private const string Help =
        "Generate HTTP/1.1 keep-alive load against one URL (like wrk/oha) and report throughput, the latency\n" +
        "distribution (HdrHistogram: mean, stdev, p50..p99.99, max), a per-second series, status codes and errors\n" +
        "(connect, read, write, timeout, parse, closed mid-response). Every request sent is counted as a response\n" +
        "or as exactly one error. Targets must be loopback unless --allow-remote is given.\n" +
        "Live progress is shown on a terminal; output is plain text when redirected.\n" +
        "Exit codes: 0 ran (some responses completed), 1 nothing completed, 2 usage error, 130 interrupted.\n" +
        "Examples:\n" +
        "  faceoff load http://127.0.0.1:8080/healthz -c 64 -d 10s\n" +
        "  faceoff load http://127.0.0.1:8080/api/echo -m POST --body '{\"a\":1}' -H 'Content-Type: application/json' -n 100000\n" +
        "  faceoff load http://127.0.0.1:8080/ -c 8 --rate 2000 -d 30s --json result.json --hdr-log result.hlog";

    public LoadCommand()
        : base("load", Help)
    {
        Arguments.Add(_url);
        foreach (var option in new Option[] { _connections, _duration, _requests, _rate, _threads, _timeout, _headers, _method, _body, _json, _hdrLog, _allowRemote, _startAt })
        {
            Options.Add(option);
        }

        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var errors = new List<string>();
        var options = BuildOptions(parse, errors);
        if (options is not null)
        {
            errors.AddRange(options.Validate());
        }

        if (options is null || errors.Count > 0)
        {
            return await UsageAsync(errors).ConfigureAwait(false);
        }

        var target = await LoadTarget.ResolveAsync(options, ct).ConfigureAwait(false);
        if (target.Error is not null)
        {
            return await UsageAsync([target.Error]).ConfigureAwait(false);
        }

        if (parse.GetValue(_startAt) is { } startAt)
        {
            var wait = DateTimeOffset.FromUnixTimeMilliseconds(startAt) - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return ExitCodes.Interrupted;
                }
            }
        }

        Console.WriteLine(LoadReport.Header(options));
        var result = await LoadProgressDisplay.RunAsync(options, ct).ConfigureAwait(false);
        Console.Write(LoadReport.Render(result));
        await WriteFilesAsync(parse, result).ConfigureAwait(false);
        if (result.Run.Cancelled)
        {
            return ExitCodes.Interrupted;
        }

        return result.Summary.Completed > 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private LoadOptions? BuildOptions(ParseResult parse, List<string> errors)
    {
        if (!Uri.TryCreate(parse.GetValue(_url), UriKind.Absolute, out var url))
        {
            errors.Add($"'{parse.GetValue(_url)}' is not an absolute URL");
            return null;
        }

        var requests = parse.GetValue(_requests);
        TimeSpan? duration = null;
        if (parse.GetValue(_duration) is { } d)
        {
            duration = LoadArguments.ParseDuration(d, "--duration", errors);
        }
        else if (requests is null)
        {
            duration = TimeSpan.FromSeconds(10);
        }

        var body = parse.GetValue(_body);
        return new LoadOptions
        {
            Url = url,
            Method = parse.GetValue(_method) ?? "GET",
            Headers = LoadArguments.ParseHeaders(parse.GetValue(_headers) ?? [], errors),
            Body = body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(body),
            Connections = parse.GetValue(_connections),
            Threads = parse.GetValue(_threads),
            Requests = requests,
            Duration = duration,
            Rate = parse.GetValue(_rate),
            Timeout = LoadArguments.ParseDuration(parse.GetValue(_timeout) ?? "5s", "--timeout", errors) ?? LoadOptions.DefaultTimeout,
            AllowRemote = parse.GetValue(_allowRemote),
        };
    }

    private async Task WriteFilesAsync(ParseResult parse, LoadResult result)
    {
        if (parse.GetValue(_json) is { } json)
        {
            await File.WriteAllTextAsync(json.FullName, LoadResultJson.Serialize(result)).ConfigureAwait(false);
            Console.WriteLine($"JSON result written to {json.FullName}");
        }

        if (parse.GetValue(_hdrLog) is { } hdr)
        {
            var stream = File.Create(hdr.FullName);
            await using (stream.ConfigureAwait(false))
            {
                HdrLog.Write(stream, result);
            }

            Console.WriteLine($"HdrHistogram log written to {hdr.FullName}");
        }
    }

    private static async Task<int> UsageAsync(IEnumerable<string> errors)
    {
        foreach (var error in errors)
        {
            await Console.Error.WriteLineAsync($"faceoff load: {error}").ConfigureAwait(false);
        }

        await Console.Error.WriteLineAsync("Run 'faceoff load --help' for usage.").ConfigureAwait(false);
        return ExitCodes.Usage;
    }
}
