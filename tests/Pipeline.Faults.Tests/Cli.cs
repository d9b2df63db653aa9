using System.Diagnostics;
using System.Runtime.InteropServices;
using Pipeline.TestSupport;

namespace Pipeline.Faults.Tests;

/// <summary>The built `pipeline` (TestSupport's BuiltCli) run to its end, and signalled as a terminal or a scheduler would.</summary>
public static partial class Cli
{
    public static Process Start(params string[] args) => BuiltCli.Start(args);

    public static async Task<Result> RunAsync(params string[] args)
    {
        using var process = Start(args);
        return await Finish(process);
    }

    public static async Task<Result> Finish(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return new Result(process.ExitCode, await output, await errors);
    }

    /// <summary>Sends a signal as a terminal or a scheduler would (Process.Kill only knows SIGKILL).</summary>
    public static void Signal(Process process, int signal)
    {
        if (Kill(process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({process.Id}, {signal}) failed: {Marshal.GetLastPInvokeError()}");
        }
    }

    public const int SigInt = 2;
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

}

/// <summary>What a finished command left: its exit code and both streams.</summary>
public sealed record Result(int Code, string Out, string Err)
{
    /// <summary>A fault reads as one line in the user's words: no .NET stack frame, no exception type name.</summary>
    public void AssertOneClearLine(int code, string mentions)
    {
        Assert.True(Code == code, $"exit {Code}, wanted {code}\n{Err}\n{Out}");
        var lines = Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("pipeline: ", line, StringComparison.Ordinal);
        Assert.Contains(mentions, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Err, StringComparison.Ordinal);
    }
}
