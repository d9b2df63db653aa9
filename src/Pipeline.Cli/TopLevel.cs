using System.CommandLine;
using System.Runtime.InteropServices;

namespace Pipeline.Cli;

/// <summary>
/// Runs the parsed command with the program's last line of defence: Ctrl-C or SIGTERM cancels the
/// command's token and ends with "interrupted" (exit 130), a known fault is one line with its exit code,
/// and anything else is reported as a bug, with the stack trace only under --verbose.
/// </summary>
public static class TopLevel
{
    /// <summary>How long a cancelled command may take to reach a safe point before the process ends anyway.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public static async Task<int> InvokeAsync(ParseResult parsed, FaultScene scene, bool verbose, TextWriter stderr)
    {
        using var interrupt = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // we end the process ourselves, after the command has stopped
            if (!interrupt.IsCancellationRequested)
            {
                interrupt.Cancel();
                _ = Task.Delay(Grace).ContinueWith(_ =>
                {
                    stderr.WriteLine("pipeline: interrupted");
                    Environment.Exit(ExitCodes.Interrupted);
                }, TaskScheduler.Default);
            }
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        try
        {
            var code = await parsed.InvokeAsync(configuration, interrupt.Token);

            // For `serve`, Ctrl-C is how it is meant to stop: a clean stop is success.
            return interrupt.IsCancellationRequested && !(parsed.CommandResult.Command.Name == "serve" && code == ExitCodes.Ok) ? Interrupted(stderr) : code;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            return Interrupted(stderr);
        }
        catch (Exception e) when (Faults.Describe(e, scene) is { } fault)
        {
            stderr.WriteLine($"pipeline: {fault.Message}");
            if (verbose)
            {
                stderr.WriteLine(e);
            }

            return fault.ExitCode;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"pipeline: internal error: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            stderr.WriteLine(verbose ? e.ToString() : "This is a bug in Pipeline. Run the command again with --verbose for the details, and report them.");
            return ExitCodes.Internal;
        }
    }

    /// <summary>The value of the first of these options that the parsed command has (a path such as --db or --index).</summary>
    public static string? ValueOf(ParseResult parsed, params Option<string>[] options) =>
        options.Select(o => parsed.GetResult(o) is null ? null : parsed.GetValue(o)).FirstOrDefault(v => v is not null);

    private static int Interrupted(TextWriter stderr)
    {
        stderr.WriteLine("pipeline: interrupted");
        return ExitCodes.Interrupted;
    }
}
