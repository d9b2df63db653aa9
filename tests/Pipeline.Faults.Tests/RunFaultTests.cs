using System.Diagnostics;
using Xunit.Abstractions;

namespace Pipeline.Faults.Tests;

/// <summary>One uninterrupted `pipeline run` over the bundled sites: what every interrupted run must end up equal to.</summary>
public sealed class CleanRun : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("pipeline-clean-").FullName;

    public string Database => Path.Combine(Folder, "pipeline.db");

    public IReadOnlyList<IReadOnlyList<string>> Fingerprint { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var result = await Cli.RunAsync("run", "--db", Database, "--index", Path.Combine(Folder, "index"), "--quiet");
        Assert.True(result.Code == 0, result.Err);
        Fingerprint = Store.Fingerprint(Database);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Runs stopped the ways schedulers and people stop them (kill -9 in each stage, Ctrl-C, SIGTERM) and
/// runs that overlap: each ends, after one more run, with exactly the store an uninterrupted run gives.
/// </summary>
public sealed class RunFaultTests(CleanRun clean, ITestOutputHelper output) : IClassFixture<CleanRun>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-run-faults-").FullName;

    private string[] RunArgs(string name, params string[] more) =>
        ["run", "--db", Path.Combine(_folder, name, "pipeline.db"), "--index", Path.Combine(_folder, name, "index"), "--quiet", .. more];

    private const string Documents = "SELECT COUNT(*) FROM documents";
    private const string Unindexed = "SELECT COUNT(*) FROM documents WHERE indexed_key IS NULL";

    public static TheoryData<string> Stages => ["crawl", "process", "index"];

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task KilledWithSigkillInAnyStageAndRunAgainEndsEqualToACleanRun(string stage)
    {
        var db = Path.Combine(_folder, stage, "pipeline.db");
        var total = Store.Count(clean.Database, Documents);
        Func<bool> inStage = stage switch
        {
            // Pages stored but no document read yet: the crawl is under way.
            "crawl" => () => Store.SafeCount(db, "SELECT COUNT(*) FROM pages") >= 30 && Store.SafeCount(db, Documents) == 0,
            // Some documents read, not all: the process stage is under way.
            "process" => () => Store.SafeCount(db, Documents) is var n && n > 0 && n < total,
            // Every document read, not all of them indexed: the index stage is under way.
            _ => () => Store.SafeCount(db, Documents) == total && Store.SafeCount(db, Unindexed) > 0,
        };

        await StopWhen(RunArgs(stage), inStage, process => process.Kill(entireProcessTree: true), expectCode: null);
        var rerun = await Cli.RunAsync(RunArgs(stage));
        Assert.True(rerun.Code == 0, rerun.Err);
        Assert.Equal(clean.Fingerprint, Store.Fingerprint(db));
        Assert.Equal(0, Store.Count(db, Unindexed));
    }

    [Theory]
    [InlineData(Cli.SigInt)]
    [InlineData(Cli.SigTerm)]
    public async Task CtrlCOrSigtermStopsTheRunCleanlyAndTheNextRunCarriesOn(int signal)
    {
        var name = $"signal-{signal}";
        var db = Path.Combine(_folder, name, "pipeline.db");
        var stopped = await StopWhen(RunArgs(name), () => Store.SafeCount(db, "SELECT COUNT(*) FROM pages") >= 30, process => Cli.Signal(process, signal), expectCode: 130);
        Assert.Equal("pipeline: interrupted", stopped.Err.Trim());

        var rerun = await Cli.RunAsync(RunArgs(name));
        Assert.True(rerun.Code == 0, rerun.Err);
        Assert.Equal(clean.Fingerprint, Store.Fingerprint(db));
    }

    [Fact]
    public async Task TwoRunsOnOneStoreAtOnceNeverCrashAndLoseNothing()
    {
        var db = Path.Combine(_folder, "both", "pipeline.db");

        // Without --wait the second writer stops at once and says who is writing.
        using (var first = Cli.Start(RunArgs("both")))
        {
            await WaitFor(first, () => File.Exists(db + ".lock") && Store.SafeCount(db, "SELECT COUNT(*) FROM pages") > 0);
            var second = await Cli.RunAsync(RunArgs("both"));
            second.AssertOneClearLine(6, $"another process is writing {db} (pid {first.Id})");
            var firstResult = await Cli.Finish(first);
            Assert.True(firstResult.Code == 0, firstResult.Err);
        }

        Assert.Equal(clean.Fingerprint, Store.Fingerprint(db));

        // With --wait both succeed, one after the other, and the store is still the clean one.
        var waiting = RunArgs("both", "--wait", "300");
        var runs = await Task.WhenAll(Cli.RunAsync(waiting), Cli.RunAsync(waiting));
        Assert.All(runs, r => Assert.True(r.Code == 0, r.Err));
        Assert.Equal(clean.Fingerprint, Store.Fingerprint(db));
        Assert.Equal(0, Store.Count(db, Unindexed));
    }

    /// <summary>Starts a run, waits until <paramref name="when"/> holds, stops it, and checks it was still running then.</summary>
    private async Task<Result> StopWhen(string[] args, Func<bool> when, Action<Process> stop, int? expectCode)
    {
        using var process = Cli.Start(args);
        var finished = Cli.Finish(process);
        await WaitFor(process, when);
        Assert.False(process.HasExited, "the run ended before it could be stopped");
        stop(process);
        var result = await finished;
        output.WriteLine($"stopped: exit {result.Code}; {result.Err.Trim()}");
        if (expectCode is { } code)
        {
            Assert.Equal(code, result.Code);
        }

        return result;
    }

    private static async Task WaitFor(Process process, Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!process.HasExited && !condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromMinutes(3), "the run never reached the state to test");
            await Task.Delay(5);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
