using System.Collections.Immutable;
using System.Text;
using Faceoff.Load;
using Faceoff.Parity.Checks;
using Faceoff.Parity.Http;
using Faceoff.Protocol.Model;

namespace Faceoff.Parity;

/// <summary>
/// Parity during load: validates the load engine's sampled responses against the scenario contract, so a server
/// that starts answering 503, an empty body or a stripped-down payload under load is flagged instead of measured.
/// Stateless, hence safe on the engine's worker threads.
/// </summary>
public sealed class ContractSampler : IResponseSampler
{
    private readonly ScenarioContract contract;

    public ContractSampler(ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Scenario = scenario.Id;
        contract = scenario.Contract;
    }

    public string Scenario { get; }

    public string? Check(in SampledResponse response)
    {
        var headers = response.Headers.Select(h => new WireHeader(h.Key, h.Value)).ToImmutableArray();
        var wire = new WireResponse("HTTP/1.1", response.StatusCode, string.Empty, headers, response.Body, TimeSpan.Zero);
        var failure = response.BodyTruncated ? CheckTruncated(wire) : FirstFailure(ContractChecks.Evaluate(contract, wire, Scenario));
        return failure?.OneLine;
    }

    /// <summary>
    /// Only a prefix of the body is here: check what does not need the whole body, and an exact body that is
    /// already longer than expected. JSON and substring checks would only produce false alarms.
    /// </summary>
    private ParityFinding? CheckTruncated(WireResponse wire)
    {
        var partial = contract with { ExactBody = null, Json = null, BodySubstrings = [] };
        var failure = FirstFailure(ContractChecks.Evaluate(partial, wire, Scenario));
        if (failure is null && contract.ExactBody is { } exact && Encoding.UTF8.GetByteCount(exact) <= wire.Body.Length)
        {
            failure = ParityFinding.Fail(
                "body.exact", Scenario, $"body longer than the expected {Encoding.UTF8.GetByteCount(exact)} bytes", Excerpt.Quote(exact), Excerpt.Of(wire.Body.Span));
        }

        return failure;
    }

    private static ParityFinding? FirstFailure(ImmutableArray<ParityFinding> findings) =>
        findings.FirstOrDefault(f => f.Status == ParityStatus.Fail);
}
