using System.Diagnostics;
using System.Text.Json;
using Pipeline.Application;
using Pipeline.Extraction;

namespace Pipeline.Search.Tests;

/// <summary>
/// One writer, many readers, across real processes (the built CLI): writers queue on the index's lock
/// and lose nothing; readers take no lock, write nothing and see new commits; bad input is a usage error.
/// </summary>
public sealed class IndexProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-processes-").FullName;

    private string Index => Path.Combine(_folder, "index");

    [Fact]
    public async Task Two_index_processes_at_once_end_with_every_document_indexed()
    {
        var files = CorpusIndex.Files().ToList();
        var halves = new[] { files.Where((_, i) => i % 2 == 0).ToList(), files.Where((_, i) => i % 2 == 1).ToList() };

        var runs = await Task.WhenAll(halves.Select(half => Cli(["index", .. half, "--index", Index, "--wait", "300"])));

        Assert.All(runs, r => Assert.True(r.Code == 0, r.Errors));
        using var reader = SearchIndexReader.Open(Index, SearchLanguage.Vocabulary);
        Assert.Equal(files.Count, reader.DocumentCount);
    }

    [Fact]
    public async Task A_second_writer_is_told_which_process_writes_or_waits_for_it()
    {
        var file = CorpusIndex.Files().First();
        using (IndexLock.Acquire(Index, TimeSpan.Zero))
        {
            var refused = await Cli(["index", file, "--index", Index]);
            Assert.Equal(6, refused.Code); // docs/configuration.md: another process is writing
            Assert.Contains($"another process is writing {Index} (pid {Environment.ProcessId})", refused.Errors);
            Assert.Empty(Directory.GetFiles(Index, "segments*")); // it wrote nothing
        }

        var done = await Cli(["index", file, "--index", Index, "--wait", "5"]);
        Assert.Equal(0, done.Code);
    }

    [Fact]
    public async Task Readers_take_no_lock_write_nothing_and_see_each_new_commit()
    {
        var texts = CorpusIndex.Files().Take(3).Select(f => DocumentExtractor.Read(File.ReadAllText(f))).ToList();
        using var writer = SearchIndex.Open(Index, SearchLanguage.Vocabulary);
        writer.Upsert(new IndexedDocument(DocumentExtractor.Extract("one", texts[0].Text, texts[0].Metadata), texts[0].Text.Clean));
        writer.Commit();
        var before = Snapshot(Index);

        using var reader = SearchIndexReader.Open(Index, SearchLanguage.Vocabulary); // beside a live writer that holds the lock
        Assert.Equal(1, reader.DocumentCount);
        var search = await Cli(["search", "khu công nghiệp", "--index", Index, "--format", "jsonl"]);
        Assert.True(search.Code == 0, search.Errors);
        Assert.Equal(before, Snapshot(Index));

        writer.Upsert(new IndexedDocument(DocumentExtractor.Extract("two", texts[1].Text, texts[1].Metadata), texts[1].Text.Clean));
        Assert.Equal(1, reader.DocumentCount); // not committed yet
        writer.Commit();
        Assert.Equal(2, reader.DocumentCount); // the next search reopens on the new commit
    }

    [Fact]
    public async Task A_folder_that_is_not_an_index_is_an_error_and_stays_untouched()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;
        var file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "not an index");

        foreach (var target in new[] { empty, file, Path.Combine(_folder, "missing") })
        {
            var (code, _, errors) = await Cli(["search", "vốn", "--index", target]);
            Assert.Equal(2, code);
            Assert.Contains("is not a search index", errors);
        }

        Assert.Empty(Directory.GetFileSystemEntries(empty));
        Assert.False(Directory.Exists(Path.Combine(_folder, "missing")));
        Assert.Throws<NotAnIndexException>(() => SearchIndexReader.Open(empty, SearchLanguage.Vocabulary));
    }

    [Fact]
    public async Task The_command_line_checks_what_was_typed_and_reads_its_syntax()
    {
        var built = await Cli(["index", .. CorpusIndex.Files().Take(12), "--index", Index]);
        Assert.True(built.Code == 0, built.Errors);
        var runs = await Task.WhenAll(
            Cli(["search", "--index", Index]),
            Cli(["search", " ?! ", "--index", Index]),
            Cli(["search", "vốn", "--limit", "0", "--index", Index]),
            Cli(["search", "vốn", "--min", "5", "--max", "1", "--from", "2024", "--to", "2020", "--index", Index]),
            Cli(["search", "vốn", "--metric", "capital", "--unit", "dollars", "--index", Index]),
            Cli(["search", "vốn", "--province", "Ha Noii", "--index", Index]),
            Cli(["search", "--index", Index, "--", "-FDI", "khu"]),
            Cli(["search", "vốn", "--province", "bac ninh", "--index", Index]),
            Cli(["search", "--metric", "investment_capital", "--format", "jsonl", "--limit", "2", "--index", Index]));

        Assert.All(runs[..6], r => Assert.Equal(2, r.Code));
        Assert.Contains("--query", runs[0].Errors);
        Assert.Contains("--limit: must be 1 or more", runs[2].Errors);
        Assert.Contains("--min", runs[3].Errors);
        Assert.Contains("--from", runs[3].Errors);
        Assert.Contains("investment_capital", runs[4].Errors);
        Assert.Contains("USD", runs[4].Errors);
        Assert.Contains("did you mean 'Hà Nội'", runs[5].Errors);
        Assert.DoesNotContain("   at ", string.Concat(runs.Select(r => r.Errors))); // no stack trace

        Assert.True(runs[6].Code == 0, runs[6].Errors); // a word beginning with - after --
        Assert.True(runs[7].Code == 0, runs[7].Errors);
        Assert.Contains("Bắc Ninh", runs[7].Output);

        var lines = runs[8].Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            using var hit = JsonDocument.Parse(line);
            foreach (var field in new[] { "source", "title", "score", "snippet", "figures", "page_type", "missing" })
            {
                Assert.True(hit.RootElement.TryGetProperty(field, out _), $"a hit without {field}: {line}");
            }
        }
    }

    [Fact]
    public async Task Search_subject_lists_a_zones_figures_named_and_refuses_a_subject_with_no_word()
    {
        var table = Path.Combine(Repo.Root, "corpus", "tables", "t01-bac-ninh-fdi-theo-kcn-2023.html");
        var built = await Cli(["index", table, "--index", Index]);
        Assert.True(built.Code == 0, built.Errors);

        var found = await Cli(["search", "--subject", "kcn que vo", "--index", Index]);
        var refused = await Cli(["search", "--subject", " - ", "--index", Index]);

        Assert.True(found.Code == 0, found.Errors);
        Assert.StartsWith("3 figures match", found.Output, StringComparison.Ordinal);
        Assert.Equal(3, found.Output.Split('\n').Count(line => line.Contains("[KCN Quế Võ] ", StringComparison.Ordinal)));
        Assert.DoesNotContain("Yên Phong]", found.Output, StringComparison.Ordinal);
        Assert.Equal(2, refused.Code);
        Assert.Contains("--subject: ' - ' names nothing", refused.Errors, StringComparison.Ordinal);
    }

    private static string Snapshot(string folder) => string.Join("\n", new DirectoryInfo(folder).GetFiles().OrderBy(f => f.Name, StringComparer.Ordinal)
        .Select(f => $"{f.Name} {f.Length} {f.LastWriteTimeUtc:O}"));

    private static async Task<(int Code, string Output, string Errors)> Cli(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pipeline.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
