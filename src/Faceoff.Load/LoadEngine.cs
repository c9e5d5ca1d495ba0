using System.Diagnostics;
using Faceoff.Load.Engine;
using Faceoff.Load.Http;
using Faceoff.Load.Native;

namespace Faceoff.Load;

/// <summary>
/// The HTTP/1.1 keep-alive load generator. Each worker is a dedicated thread running its own epoll loop over
/// non-blocking sockets, so nothing is contended per request and nothing is allocated in steady state.
/// Linux only (epoll).
/// </summary>
public static class LoadEngine
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs the load described by <paramref name="options"/>. Cancellation stops the workers within ~50 ms and the
    /// result still holds everything measured (in-flight requests are counted as <see cref="LoadErrorKind.Cancelled"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="LoadOptions.Validate"/>).</exception>
    /// <exception cref="InvalidOperationException">The target was refused or cannot be resolved.</exception>
    public static async Task<LoadResult> RunAsync(LoadOptions options, IProgress<LoadProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var findings = options.Validate();
        if (findings.Count > 0)
        {
            throw new ArgumentException("Invalid load options: " + string.Join("; ", findings), nameof(options));
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The load engine uses epoll and runs on Linux only.");
        }

        var target = await LoadTarget.ResolveAsync(options, ct).ConfigureAwait(false);
        if (target.EndPoint is null)
        {
            throw new InvalidOperationException(target.Error);
        }

        var startedAt = DateTimeOffset.UtcNow;
        var plan = BuildPlan(options, target, Stopwatch.GetTimestamp());
        var workers = CreateWorkers(options, plan);
        try
        {
            var cancelled = await RunWorkersAsync(workers, progress, plan.Start, ct).ConfigureAwait(false);
            var end = Stopwatch.GetTimestamp();
            var failure = workers.Select(w => w.Failure).FirstOrDefault(f => f is not null);
            if (failure is not null)
            {
                throw new InvalidOperationException("A load worker failed: " + failure.Message, failure);
            }

            return ResultBuilder.Build(options, workers, startedAt, Stopwatch.GetElapsedTime(plan.Start, end), cancelled);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    private static EnginePlan BuildPlan(LoadOptions options, LoadTarget target, long start)
    {
        var endPoint = target.EndPoint!;
        var sendEnd = options.Duration is { } d ? start + ToTicks(d) : long.MaxValue;
        return new EnginePlan
        {
            Request = RequestSerializer.Serialize(options),
            Address = NativeSocket.EncodeAddress(endPoint),
            IPv6 = endPoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6,
            NoBody = string.Equals(options.Method, "HEAD", StringComparison.OrdinalIgnoreCase),
            MaxHeaderBytes = options.MaxHeaderBytes,
            TotalConnections = options.Connections,
            Start = start,
            SendEnd = sendEnd,
            HardDeadline = options.Duration is null ? long.MaxValue : sendEnd + ToTicks(options.Timeout),
            TimeoutTicks = ToTicks(options.Timeout),
            IntervalTicks = options.Rate is { } rate ? Math.Max(1, (long)(Stopwatch.Frequency * options.Connections / rate)) : 0,
            Sampler = options.Sampler,
            SampleEvery = options.SampleEvery,
            MinSampled = options.MinSampled,
            MaxSampledBodyBytes = options.MaxSampledBodyBytes,
            InitialSeconds = options.Duration is { } span ? (int)Math.Min(span.TotalSeconds + options.Timeout.TotalSeconds + 2, 1 << 20) : 64,
        };
    }

    private static Worker[] CreateWorkers(LoadOptions options, EnginePlan plan)
    {
        var count = options.EffectiveThreads;
        var workers = new Worker[count];
        var first = 0;
        long assigned = 0;
        for (var w = 0; w < count; w++)
        {
            var last = (int)((long)options.Connections * (w + 1) / count);
            var connections = last - first;

            // A request-count bound is shared in proportion to the connections each worker owns.
            var budget = long.MaxValue;
            if (options.Requests is { } total)
            {
                var upTo = total * last / options.Connections;
                budget = upTo - assigned;
                assigned = upTo;
            }

            workers[w] = new Worker(plan, first, connections, budget);
            first = last;
        }

        return workers;
    }

    private static async Task<bool> RunWorkersAsync(Worker[] workers, IProgress<LoadProgress>? progress, long start, CancellationToken ct)
    {
        var remaining = workers.Length;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var threads = new Thread[workers.Length];
        for (var i = 0; i < workers.Length; i++)
        {
            var worker = workers[i];
            threads[i] = new Thread(() =>
            {
                worker.Run();
                if (Interlocked.Decrement(ref remaining) == 0)
                {
                    done.TrySetResult();
                }
            })
            {
                IsBackground = true,
                Name = $"faceoff-load-{i}",
            };
        }

        foreach (var thread in threads)
        {
            thread.Start();
        }

        var cancelled = false;
        using (ct.Register(() =>
        {
            cancelled = true;
            foreach (var worker in workers)
            {
                worker.RequestStop();
            }
        }))
        {
            while (!done.Task.IsCompleted)
            {
                await Task.WhenAny(done.Task, Task.Delay(ProgressInterval, CancellationToken.None)).ConfigureAwait(false);
                Report(workers, progress, start);
            }
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        return cancelled;
    }

    private static void Report(Worker[] workers, IProgress<LoadProgress>? progress, long start)
    {
        if (progress is null)
        {
            return;
        }

        long completed = 0, errors = 0;
        foreach (var worker in workers)
        {
            completed += worker.Stats.Completed;
            errors += worker.Stats.TotalErrors;
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        progress.Report(new LoadProgress(elapsed, completed, errors, elapsed.TotalSeconds > 0 ? completed / elapsed.TotalSeconds : 0));
    }

    private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
