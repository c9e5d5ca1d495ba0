using Faceoff.Reporting.Model;

namespace Faceoff.Reporting.Tests.Fixtures;

/// <summary>The fixture campaign as if its servers ran on <c>srv</c> and its load came from <c>load1</c> + <c>load2</c>.</summary>
internal static class HostsFixture
{
    public static HostsReport Build(bool emulated = true) => new(
        emulated,
        [
            new HostEntry("load1", "ssh root@198.18.7.11 (identity /keys/client_key)", "AMD EPYC 7B13", 2, 4_030_000, "Debian GNU/Linux 13", "6.12.0", 3.1, 3.7),
            new HostEntry("load2", "ssh root@198.18.7.12 (identity /keys/client_key)", "AMD EPYC 7B13", 2, 4_030_000, "Debian GNU/Linux 13", "6.12.0", -14.2, 1.9),
            new HostEntry("srv", "ssh root@198.18.7.10 (identity /keys/client_key)", "AMD EPYC 7B13", 2, 4_030_000, "Debian GNU/Linux 13", "6.12.0"),
        ],
        [new PairPlacement("comparison_http", "srv", ["load1", "load2"]), new PairPlacement("middleware_heavy", "srv", ["load1"])],
        1,
        0.01,
        0.10,
        [
            new HostCellThroughput("comparison_http", "aspnet_minimal", "healthz", 8, "load1", 3, 31_250, 10_400.5, 21_090),
            new HostCellThroughput("comparison_http", "aspnet_minimal", "healthz", 8, "load2", 3, 32_020, 10_690, 21_090),
        ]);
}
