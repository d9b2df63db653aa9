using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Pipeline.Faults.Tests;

/// <summary>The built `pipeline` run as a user runs it, from the repository's root (where the bundled sites are).</summary>
public static partial class Cli
{
    public static string Root { get; } = FindRoot();

    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pipeline.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("PIPELINE_DB");
        start.Environment.Remove("PIPELINE_INDEX");
        return Process.Start(start)!;
    }

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

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
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
