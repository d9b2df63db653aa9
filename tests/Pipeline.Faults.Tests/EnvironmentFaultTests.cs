using Xunit.Abstractions;

namespace Pipeline.Faults.Tests;

/// <summary>
/// Everyday environment faults, as a user meets them: each ends with one line naming the file, a
/// documented exit code (docs/configuration.md) and no stack trace.
/// </summary>
public sealed class EnvironmentFaultTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-faults-").FullName;

    [Fact]
    public async Task AFileThatIsNotADatabaseIsRefusedByEveryCommandThatReadsTheStore()
    {
        var db = Path.Combine(_folder, "notes.db");
        await File.WriteAllTextAsync(db, "these are my notes, not a database\n");
        foreach (var args in new[] { new[] { "stats", "--db", db }, ["export", "--db", db, "--out", Path.Combine(_folder, "out")], ["reprocess", "--db", db, "--index", Path.Combine(_folder, "index")] })
        {
            (await Cli.RunAsync(args)).AssertOneClearLine(5, db);
        }

        Assert.Equal("these are my notes, not a database\n", await File.ReadAllTextAsync(db)); // and it is left as it was
    }

    [Fact]
    public async Task ADamagedIndexIsOneLineThatSaysHowToRebuildIt()
    {
        var index = Path.Combine(_folder, "index");
        Directory.CreateDirectory(index);
        await File.WriteAllBytesAsync(Path.Combine(index, "segments_1"), [0x3f, 0xd7, 0x6c]);
        var result = await Cli.RunAsync("search", "vốn đầu tư", "--index", index);
        result.AssertOneClearLine(5, index);
        Assert.Contains("rebuild", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInternalErrorShowsItsDetailsOnlyWithVerbose()
    {
        // A damaged index read with --verbose: the same line, then the details for a bug report.
        var index = Path.Combine(_folder, "index");
        Directory.CreateDirectory(index);
        await File.WriteAllBytesAsync(Path.Combine(index, "segments_1"), [0x3f, 0xd7, 0x6c]);
        var result = await Cli.RunAsync("search", "vốn", "--index", index, "--verbose");
        Assert.Equal(5, result.Code);
        Assert.StartsWith("pipeline: the index", result.Err, StringComparison.Ordinal);
        Assert.Contains("   at ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReadOnlyFolderIsOneLineNamingTheStore()
    {
        var folder = Path.Combine(_folder, "shared");
        using var mount = Mount.ReadOnly(folder);
        // Without the right to mount, a folder no one can create files in stands in for a read-only share.
        var where = mount?.Path ?? "/proc/self";
        output.WriteLine(mount is null ? "mount refused: using /proc/self as the read-only folder" : $"read-only bind mount at {where}");
        var db = Path.Combine(where, "pipeline.db");
        var result = await Cli.RunAsync("run", "--db", db, "--index", Path.Combine(where, "index"), "--quiet");
        result.AssertOneClearLine(3, db);
    }

    [Fact]
    public async Task AFullDiskStopsTheRunWithOneLineAndKeepsTheStoreReadable()
    {
        using var mount = Mount.Tmpfs(Path.Combine(_folder, "small"), 700);
        if (mount is null)
        {
            output.WriteLine("skipped: this machine refuses to mount a tmpfs (needs root); the disk-full path is not exercised here");
            return;
        }

        var db = Path.Combine(mount.Path, "pipeline.db");
        var result = await Cli.RunAsync("run", "--db", db, "--index", Path.Combine(mount.Path, "index"), "--quiet");
        result.AssertOneClearLine(4, "no space left");

        // What was committed before the disk filled is intact: the store opens and answers.
        Assert.True(Store.Count(db, "SELECT COUNT(*) FROM pages") >= 0);
        Assert.Equal("ok", Store.Text(db, "PRAGMA integrity_check"));
    }

    [Fact]
    public async Task AnIndexPathThatIsAFileIsRefusedWithoutWritingIntoIt()
    {
        var file = Path.Combine(_folder, "index");
        await File.WriteAllTextAsync(file, "not a folder");
        var result = await Cli.RunAsync("search", "vốn", "--index", file);
        Assert.NotEqual(0, result.Code);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        Assert.Contains(file, result.Err, StringComparison.Ordinal);
        Assert.Equal("not a folder", await File.ReadAllTextAsync(file));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a lazy unmount may still be settling; the temp folder is the system's to clean
        }
    }
}
