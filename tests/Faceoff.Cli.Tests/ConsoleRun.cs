namespace Faceoff.Cli.Tests;

/// <summary>
/// Runs the CLI in-process with its console captured. Tests that use it share <see cref="CompareConsoleGroup"/>:
/// the console is process-wide, so they must not run in parallel.
/// </summary>
internal static class ConsoleRun
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var (originalOut, originalError) = (Console.Out, Console.Error);
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = await FaceoffApp.RunAsync(args);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}
