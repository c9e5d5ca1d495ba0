using System.Text;
using Faceoff.Load;
using Faceoff.Parity.Tests.Fixtures;

namespace Faceoff.Parity.Tests;

public class ContractSamplerTests
{
    [Fact]
    public void A_conforming_sample_is_accepted()
    {
        var sampler = new ContractSampler(TestProtocol.ApiStatus);

        Assert.Null(sampler.Check(Sample(200, "application/json", """{"server":"x","ok":true,"timestamp":1}""")));
    }

    [Fact]
    public void A_503_under_load_is_flagged()
    {
        var sampler = new ContractSampler(TestProtocol.ApiStatus);

        Assert.Equal("status: api_status: status 503, expected 200", sampler.Check(Sample(503, "text/plain", "overloaded\n")));
    }

    [Fact]
    public void An_empty_body_under_load_is_flagged()
    {
        var sampler = new ContractSampler(TestProtocol.Healthz);

        Assert.StartsWith("body.exact: healthz: body \"\" (0 bytes), expected \"ok\\n\"", sampler.Check(Sample(200, "text/plain", string.Empty)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stripped_json_payload_or_missing_header_is_flagged()
    {
        var status = new ContractSampler(TestProtocol.ApiStatus);
        var middleware = new ContractSampler(TestProtocol.ApiStatusMiddleware);

        Assert.Equal("json.required_keys: api_status: key \"ok\" missing (expected boolean)", status.Check(Sample(200, "application/json", """{"server":"x","timestamp":1}""")));
        Assert.StartsWith("headers.required: api_status_middleware: header \"content-security-policy\" missing", middleware.Check(Sample(200, "application/json", """{"server":"x","ok":true,"timestamp":1}""")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_body_skips_json_checks_but_still_catches_an_overlong_exact_body()
    {
        var json = new ContractSampler(TestProtocol.ApiStatus);
        var exact = new ContractSampler(TestProtocol.Healthz);

        Assert.Null(json.Check(Sample(200, "application/json", """{"server":"x","o""", truncated: true)));
        Assert.StartsWith("body.exact: healthz: body longer than the expected 3 bytes", exact.Check(Sample(200, "text/plain", "ok\nok\n", truncated: true)), StringComparison.Ordinal);
        Assert.Equal("status: healthz: status 500, expected 200", exact.Check(Sample(500, "text/plain", "ok", truncated: true)));
    }

    private static SampledResponse Sample(int status, string contentType, string body, bool truncated = false) =>
        new(status, [new("Content-Type", contentType), new("Content-Length", Encoding.UTF8.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture))], Encoding.UTF8.GetBytes(body), truncated);
}
