using System.Diagnostics;
using System.Text;

namespace Faceoff.Hosts.Transport;

/// <summary>Runs a local program to completion with captured output, optional stdin, a timeout and cancellation.</summary>
internal static class ProcessRunner
{
    public static async Task<HostCommandResult> RunAsync(
        ProcessStartInfo start, TimeSpan timeout, CancellationToken ct, Func<Stream, CancellationToken, Task>? writeInput = null)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            try
            {
                if (writeInput is not null)
                {
                    await writeInput(process.StandardInput.BaseStream, deadline.Token).ConfigureAwait(false);
                }
            }
            catch (IOException)
            {
                // The program exited before reading all of its input; its exit code says why.
            }
            finally
            {
                process.StandardInput.Close();
            }

            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            timedOut = true;
        }

        return new HostCommandResult(
            timedOut ? null : process.ExitCode,
            await output.ConfigureAwait(false),
            await error.ConfigureAwait(false),
            clock.Elapsed,
            timedOut);
    }

    public static Func<Stream, CancellationToken, Task> Text(string text) =>
        async (stream, ct) => await stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct).ConfigureAwait(false);
}
