using System.Diagnostics;
using System.Text;

namespace Pipeline.TestSupport;

/// <summary>What a finished CLI process said: its exit code, standard output and standard error.</summary>
public sealed record CliRun(int Code, string Output, string Errors)
{
    /// <summary>Both streams, for an assertion's message.</summary>
    public string All => Output + Errors;
}

/// <summary>
/// The built `pipeline` (pipeline.dll beside the test assembly: every test project that runs it
/// references Pipeline.Cli) started as a user starts it, in its own process.
/// </summary>
public static class BuiltCli
{
    /// <summary>Starts the CLI with <paramref name="args"/>; the caller reads its streams and waits.</summary>
    /// <param name="args">The arguments after `pipeline`.</param>
    /// <param name="workingDirectory">Where it runs (default: the repository's root, where the bundled corpus is).</param>
    public static Process Start(IEnumerable<string> args, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Repo.Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pipeline.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
    }

    /// <summary>Runs the CLI to its end (at most <paramref name="timeout"/>, default three minutes) and returns what it said.</summary>
    public static async Task<CliRun> RunAsync(IEnumerable<string> args, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        using var process = Start(args, workingDirectory);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(timeout ?? TimeSpan.FromMinutes(3)).ConfigureAwait(false);
        return new CliRun(process.ExitCode, await output.ConfigureAwait(false), await errors.ConfigureAwait(false));
    }
}
