using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Pipeline.Application;
using Pipeline.Cli;
using Pipeline.Extraction;

namespace Pipeline.Search.Tests;

/// <summary>The page type as a search filter: on documents, on their figures, counted as a facet, and on the command line.</summary>
public sealed class PageTypeTests : IDisposable
{
    private const string Report = "Năm 2023, các khu công nghiệp thu hút 17 dự án mới với tổng vốn đăng ký 412 triệu USD, tăng 12% so với năm 2022.";
    private const string Project = "Dự án nhà máy linh kiện có tổng vốn đầu tư 95 triệu USD, sử dụng 1.200 lao động trong khu công nghiệp.";
    private const string Job = "Công ty tuyển 300 lao động làm việc trong khu công nghiệp, lương 8 triệu đồng/tháng.";

    private readonly SearchIndex _index = SearchIndex.InMemory(SearchLanguage.Vocabulary);
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-types-").FullName;

    public PageTypeTests()
    {
        foreach (var (source, text, type) in new[] { ("report", Report, "report"), ("project", Project, "project"), ("job", Job, "job"), ("unknown", Report, null) })
        {
            _index.Upsert(new IndexedDocument(DocumentExtractor.Extract(source, text), text, type));
        }

        _index.Commit();
    }

    [Fact]
    public void A_type_filter_keeps_only_documents_of_that_type_and_hits_say_their_type()
    {
        var all = _index.Search(new SearchRequest { Text = "khu công nghiệp" });
        var reports = _index.Search(new SearchRequest { Text = "khu công nghiệp", PageType = "report" });

        Assert.Equal(4, all.Total);
        Assert.Equal(["report"], reports.Hits.Select(h => h.Source));
        Assert.Equal("report", reports.Hits[0].PageType);
        Assert.Null(all.Hits.Single(h => h.Source == "unknown").PageType);
        Assert.Empty(_index.Search(new SearchRequest { Text = "khu công nghiệp", PageType = "photo" }).Hits);
    }

    [Fact]
    public void Types_are_counted_as_a_facet()
    {
        var result = _index.Search(new SearchRequest { Text = "lao động" });

        Assert.Equal([new FacetCount("job", 1), new FacetCount("project", 1)], result.Facets["type"]);
    }

    [Fact]
    public void A_type_filter_narrows_figure_listings_too()
    {
        var everywhere = _index.Search(new SearchRequest { Metric = "labour" }).Figures;
        var inJobs = _index.Search(new SearchRequest { Metric = "labour", PageType = "job" }).Figures;

        Assert.Equal(["job", "project"], everywhere.Select(f => f.Source).Order(StringComparer.Ordinal));
        Assert.Equal(["job"], inJobs.Select(f => f.Source));
    }

    [Fact]
    public void Indexed_files_are_classified_and_jsonl_shows_the_type()
    {
        var file = Path.Combine(_folder, "bao-cao.txt");
        File.WriteAllText(file, "Các KCN Nam Định 6 tháng đầu năm 2024: vốn đầu tư tăng mạnh\n\n" + Report + " Giá trị xuất khẩu đạt 496 triệu USD, nộp ngân sách 218 tỷ đồng; tổng số lao động là 54.300 người.", Encoding.UTF8);
        var index = Path.Combine(_folder, "index");
        Assert.Equal(0, SearchCommands.Index([file], index, TextReader.Null, new StringWriter(), new StringWriter()));
        var stdout = new StringWriter();

        Assert.Equal(0, SearchCommands.Search(new SearchRequest { PageType = "report" }, index, "jsonl", stdout, new StringWriter()));

        using var hit = JsonDocument.Parse(stdout.ToString().Trim());
        Assert.Equal(file, hit.RootElement.GetProperty("source").GetString());
        Assert.Equal("report", hit.RootElement.GetProperty("page_type").GetString());
    }

    [Fact]
    public async Task The_command_line_refuses_an_unknown_type_and_lists_the_allowed_ones()
    {
        var (code, errors) = await RunCli("search", "--type", "speech", "--index", Path.Combine(_folder, "none"));

        Assert.Equal(2, code); // a usage error
        Assert.Contains("speech", errors, StringComparison.Ordinal);
        Assert.All(Pipeline.Learning.Pages.PageTypes.All, t => Assert.Contains($"'{t}'", errors, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("search", "--limit", "abc")]
    [InlineData("search", "--no-such-option")]
    [InlineData("no-such-command")]
    public async Task A_usage_error_exits_2_and_says_what_was_wrong(params string[] args)
    {
        var (code, errors) = await RunCli(args);

        Assert.Equal(2, code);
        Assert.Contains(args[^1], errors, StringComparison.Ordinal);
        Assert.Contains("--help", errors, StringComparison.Ordinal);
    }

    /// <summary>Runs the built CLI as a user would; returns its exit code and standard error.</summary>
    private static async Task<(int Code, string Errors)> RunCli(params string[] args)
    {
        var run = await BuiltCli.RunAsync(args);
        return (run.Code, run.Errors);
    }

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
