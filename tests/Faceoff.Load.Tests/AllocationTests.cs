using Faceoff.Testing;
using Microsoft.AspNetCore.Builder;

namespace Faceoff.Load.Tests;

public sealed class AllocationTests
{
    [Fact]
    public async Task Steady_state_allocates_nothing_per_request_over_100k_requests_against_kestrel()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapGet("/", () => "ok"));
        const int requests = 100_000;
        var result = await LoadEngine.RunAsync(new LoadOptions { Url = server.Url, Connections = 8, Threads = 2, Requests = requests });

        Assert.Equal(requests, result.Summary.Completed);
        Assert.Equal(2, result.WorkerSteadyStateAllocatedBytes.Count);

        // Measured on each worker thread (GC.GetAllocatedBytesForCurrentThread) from its 1,000th response to its
        // end, so Kestrel's own allocations in this process do not count. Less than one byte per request means
        // no per-request allocation; the engine's design target is exactly zero.
        var allocated = result.WorkerSteadyStateAllocatedBytes.Sum();
        Assert.True(allocated < requests / 10, $"worker threads allocated {allocated} bytes in steady state");
    }
}
