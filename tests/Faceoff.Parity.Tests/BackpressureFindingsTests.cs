using Faceoff.Parity.Checks;

namespace Faceoff.Parity.Tests;

public class BackpressureFindingsTests
{
    private static readonly BackpressurePlan Plan = new("/hold", 1.0, 4, 503, "/healthz", 0.5, 5);

    [Fact]
    public void The_overload_status_after_a_few_accepted_probes_passes()
    {
        var finding = BackpressureCheck.OverloadFinding(Plan, [Ok(0.1, 0.002), Ok(0.15, 0.002), Status(503, 0.2, 0.001)], "aspnet");

        Assert.Equal(ParityStatus.Pass, finding.Status);
        Assert.Equal("probe 3 got 503 in 0.001 s with 4 holds in flight", finding.Message);
        Assert.Equal("200×2, 503×1", finding.Observed);
    }

    [Fact]
    public void Never_seeing_the_overload_status_fails_with_what_was_seen()
    {
        var finding = BackpressureCheck.OverloadFinding(Plan, [Ok(0.1, 0.002), Ok(0.2, 0.002)], "fastapi");

        Assert.Equal(ParityStatus.Fail, finding.Status);
        Assert.Equal("no 503 with 4 holds in flight: 2 probes answered 200×2", finding.Message);
        Assert.Equal("503 within 0.5 s", finding.Expected);
    }

    [Fact]
    public void A_probe_that_is_queued_instead_of_refused_fails()
    {
        var finding = BackpressureCheck.OverloadFinding(Plan, [new TimedStatus(null, 0.1, 0.5, "no response within 0.5 s")], "fastapi");

        Assert.Equal(ParityStatus.Fail, finding.Status);
        Assert.StartsWith("probe got no response within 0.5 s with 4 holds in flight (queued, not refused)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_hold_means_the_server_accepts_fewer_than_max_in_flight()
    {
        var finding = BackpressureCheck.HoldFinding(Plan, [Ok(0, 1), Ok(0, 1), Ok(0, 1), Status(503, 0, 0.001)], "aspnet");

        Assert.Equal(ParityStatus.Fail, finding.Status);
        Assert.Equal("hold 4 of 4 was refused with 503: the server accepts fewer than max_in_flight=4 at once", finding.Message);
    }

    [Fact]
    public void Recovery_needs_a_200_within_the_timeout()
    {
        var recovered = BackpressureCheck.RecoveryFinding(Plan, [Status(503, 1.1, 0.001), Ok(1.2, 0.001)], 1.1, "aspnet");
        var stuck = BackpressureCheck.RecoveryFinding(Plan, [Status(503, 1.1, 0.001), Status(503, 3.1, 0.001), Status(503, 6.0, 0.001)], 1.1, "aspnet");

        Assert.Equal(ParityStatus.Pass, recovered.Status);
        Assert.Equal("/healthz answered 200 again 0.101 s after the holds ended (2 poll(s))", recovered.Message);
        Assert.Equal(ParityStatus.Fail, stuck.Status);
        Assert.Equal("/healthz did not answer 200 within 5 s after the holds ended (3 polls over 4.9 s: 503×3)", stuck.Message);
    }

    private static TimedStatus Ok(double sentAt, double seconds) => Status(200, sentAt, seconds);

    private static TimedStatus Status(int status, double sentAt, double seconds) => new(status, sentAt, seconds, null);
}
