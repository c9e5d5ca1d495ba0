namespace Faceoff.Load;

/// <summary>
/// Everything one load run needs. Immutable; check it with <see cref="Validate"/> (the engine refuses
/// invalid options). Give exactly one bound: <see cref="Requests"/> or <see cref="Duration"/>.
/// </summary>
public sealed record LoadOptions
{
    /// <summary>Default per-request timeout (connect + send + complete response).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Target URL; only <c>http://</c> is supported.</summary>
    public required Uri Url { get; init; }

    /// <summary>HTTP method, sent as given.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>Extra request headers. Host and Content-Length are added unless given here.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Request body (sent with a Content-Length).</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Concurrent keep-alive connections.</summary>
    public int Connections { get; init; } = 16;

    /// <summary>Worker threads, each owning a share of the connections; 0 means one per core (at most one per connection).</summary>
    public int Threads { get; init; }

    /// <summary>Stop after this many requests (each completed or failed).</summary>
    public long? Requests { get; init; }

    /// <summary>Stop sending after this long; in-flight requests may finish until Duration + Timeout (the hard deadline).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Open loop: total intended requests per second, spread evenly over the connections. Null means closed loop.</summary>
    public double? Rate { get; init; }

    /// <summary>A request still incomplete this long after it started (or, in open loop, was due) is a timeout.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Optional validation of every <see cref="SampleEvery"/>-th response.</summary>
    public IResponseSampler? Sampler { get; init; }

    /// <summary>Sample one response in this many (per worker) when a <see cref="Sampler"/> is set.</summary>
    public int SampleEvery { get; init; } = 1;

    /// <summary>
    /// Sampling floor: with a <see cref="Sampler"/>, a pass checks at least min(completed, this) responses
    /// whatever <see cref="SampleEvery"/> says, spread over the pass (see <see cref="Engine.SamplingSchedule"/>),
    /// so a slow pass of a few dozen responses is checked rather than skipped by "every 100th".
    /// </summary>
    public int MinSampled { get; init; } = 50;

    /// <summary>Largest body prefix kept for a sampled response.</summary>
    public int MaxSampledBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Largest status line + header block accepted; beyond it the response is a parse error.</summary>
    public int MaxHeaderBytes { get; init; } = Http.HttpResponseParser.DefaultMaxHeaderBytes;

    /// <summary>Allow targets that do not resolve to a loopback address.</summary>
    public bool AllowRemote { get; init; }

    /// <summary>The worker count the engine will use.</summary>
    public int EffectiveThreads =>
        Math.Max(1, Math.Min(Threads > 0 ? Threads : Environment.ProcessorCount, Connections));

    /// <summary>Returns every problem with these options; empty when they can be run.</summary>
    public IReadOnlyList<string> Validate()
    {
        var findings = new List<string>();
        if (!Url.IsAbsoluteUri || Url.Scheme != Uri.UriSchemeHttp)
        {
            findings.Add($"url '{Url}' must be an absolute http:// URL (https is not supported)");
        }

        if (string.IsNullOrEmpty(Method) || !Method.All(IsTokenChar))
        {
            findings.Add($"method '{Method}' is not an HTTP token");
        }

        foreach (var (name, value) in Headers)
        {
            if (string.IsNullOrEmpty(name) || !name.All(IsTokenChar))
            {
                findings.Add($"header name '{name}' is not an HTTP token");
            }

            if (value.Any(c => c is '\r' or '\n' || c > 0xFF))
            {
                findings.Add($"header '{name}' has a line break or a non-Latin-1 character in its value");
            }
        }

        if (Connections is < 1 or > 100_000)
        {
            findings.Add($"connections must be between 1 and 100000 (got {Connections})");
        }

        if (Threads < 0)
        {
            findings.Add($"threads must be 0 (auto) or positive (got {Threads})");
        }

        if (Requests is null == Duration is null)
        {
            findings.Add("give exactly one bound: a request count or a duration");
        }

        if (Requests is < 1)
        {
            findings.Add($"requests must be positive (got {Requests})");
        }

        if (Duration is { } d && d <= TimeSpan.Zero)
        {
            findings.Add($"duration must be positive (got {d})");
        }

        if (Rate is { } r && (r <= 0 || double.IsNaN(r) || double.IsInfinity(r)))
        {
            findings.Add($"rate must be a positive number of requests per second (got {r})");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            findings.Add($"timeout must be positive (got {Timeout})");
        }

        if (SampleEvery < 1)
        {
            findings.Add($"sample-every must be at least 1 (got {SampleEvery})");
        }

        if (MinSampled < 0)
        {
            findings.Add($"min-sampled must not be negative (got {MinSampled})");
        }

        if (MaxSampledBodyBytes < 0 || MaxHeaderBytes < 64)
        {
            findings.Add("sampled-body and header limits must be non-negative (header limit at least 64 bytes)");
        }

        return findings;
    }

    // RFC 9110 tchar.
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c);
}
