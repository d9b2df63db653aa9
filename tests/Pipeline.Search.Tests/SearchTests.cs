using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Pipeline.Application;
using Pipeline.Core;
using Pipeline.Extraction;

namespace Pipeline.Search.Tests;

public class SearchTests(CorpusIndex corpus) : IClassFixture<CorpusIndex>
{
    private SearchResult Search(SearchRequest r) => corpus.Index.Search(r);

    [Fact]
    public void A_Telex_typed_name_finds_the_same_top_document_as_its_accented_form() =>
        Accented_unaccented_and_Telex_queries_find_the_same_top_document("khu kinh tes Vaan Phong");

    [Theory]
    [InlineData("khu kinh tees Vaan Phong", "khu kinh tế vân phong")]
    [InlineData("kcn Ddoongf Nai 10 thang", "kcn đồng nai 10 thang")]
    // Letters that spell a table's abbreviation as typed are read as typed: "DDI" is not the Telex "đi".
    [InlineData("du an DDI", "du an ddi")]
    public void A_Telex_query_is_scored_as_the_words_it_was_read_as(string query, string meant)
    {
        var plan = QueryPlan.Build(query, SearchLanguage.Vocabulary);
        Assert.Equal(meant, string.Join(' ', plan.TelexWords ?? []));
    }

    [Fact]
    public void A_query_that_is_not_Telex_has_no_Telex_reading() =>
        Assert.Null(QueryPlan.Build("khu kinh te Van Phong", SearchLanguage.Vocabulary).TelexWords);

    [Theory]
    [InlineData("khu kinh tế Vân Phong")]
    [InlineData("khu kinh te Van Phong")]
    public void Accented_unaccented_and_Telex_queries_find_the_same_top_document(string query)
    {
        var top = Search(new SearchRequest { Text = query }).Hits[0];
        Assert.Contains("Vân Phong", top.Title);
    }

    [Fact]
    public void Exact_spelling_ranks_above_a_folded_match()
    {
        var hits = Search(new SearchRequest { Text = "Bình Dương", Limit = 3 }).Hits;
        Assert.Equal("Bình Dương", hits[0].Province);
    }

    [Fact]
    public void Province_and_year_filters_narrow_the_hits_and_facets_count_them()
    {
        var all = Search(new SearchRequest { Text = "lao động" });
        var narrowed = Search(new SearchRequest { Text = "lao động", Province = "Đồng Nai", FromYear = 2016, ToYear = 2024 });
        Assert.True(narrowed.Total < all.Total);
        Assert.All(narrowed.Hits, h => Assert.Equal("Đồng Nai", h.Province));
        Assert.All(narrowed.Hits, h => Assert.InRange(int.Parse(h.Published![..4]), 2016, 2024));
        Assert.Equal(narrowed.Total, narrowed.Facets["province"].Single().Count);
        // Pages that show no date of their own (published null) have no year to be counted under.
        Assert.Equal(Search(new SearchRequest { Text = "lao động", FromYear = 1900 }).Total, all.Facets["year"].Sum(f => f.Count));
    }

    [Fact]
    public void A_figure_query_returns_only_documents_reporting_such_a_figure()
    {
        var result = Search(new SearchRequest { Text = "vốn FDI", Metric = "investment_capital", Min = 500_000_000m, Unit = "USD" });
        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, h => Assert.Contains(h.Figures, f => f.Metric == Metric.InvestmentCapital && f.Value >= 500_000_000m && f.Unit == "USD"));
    }

    [Fact]
    public void Without_words_the_figures_matching_the_filters_are_listed_with_their_sentences()
    {
        var result = Search(new SearchRequest { Metric = "export_value", Min = 1_000_000_000m, Unit = "USD" });
        Assert.NotEmpty(result.Figures);
        Assert.All(result.Figures, f =>
        {
            Assert.True(f.Figure.Value >= 1_000_000_000m);
            Assert.Contains(f.Figure.Text, f.Figure.Sentence);
        });
    }

    [Fact]
    public void Snippets_mark_matched_words_even_when_the_query_has_no_diacritics()
    {
        var hit = Search(new SearchRequest { Text = "ty le lap day" }).Hits[0];
        Assert.Contains("**lấp**", hit.Snippet);
        Assert.Contains("**đầy**", hit.Snippet);
    }

    [Fact]
    public void Snippets_of_an_unaccented_query_mark_its_accented_reading_not_homographs()
    {
        var snippet = Snippet.Build("Năm 2015 đánh dấu bước phát triển; phấn đấu thu hút vốn đầu tư.", ["vốn", "đầu", "tư"]);
        Assert.Contains("**đầu**", snippet);
        Assert.DoesNotContain("**dấu**", snippet);
        Assert.DoesNotContain("**đấu**", snippet);
        Assert.Contains("**dấu**", Snippet.Build("đánh dấu", ["dau"])); // a plain word with no reading matches any spelling
    }

    [Fact]
    public void Snippets_mark_whole_words_in_any_case_and_in_decomposed_text()
    {
        Assert.Equal("**Vốn** tăng, **vốn** giảm, tuyển dụng", Snippet.Build("Vốn tăng, vốn giảm, tuyển dụng", ["vốn", "tu"]));
        Assert.Equal("**Lao** động; lao2 và xlao", Snippet.Build("Lao động; lao2 và xlao", ["lao"]));
        // Combining marks (NFD) make the folded text shorter than the text; the words are still found in place.
        var decomposed = "Vốn đầu tư".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal($"**{decomposed[..decomposed.IndexOf(' ')]}** " + decomposed[(decomposed.IndexOf(' ') + 1)..], Snippet.Build(decomposed, ["von"]));
    }

    [Fact]
    public void A_document_is_replaced_by_its_id_and_can_be_deleted()
    {
        using var index = SearchIndex.InMemory(SearchLanguage.Vocabulary);
        var v1 = DocumentExtractor.Extract("bulletin-1", "Năm 2023 các KCN thu hút 12 dự án với vốn đầu tư 300 triệu USD.");
        var v2 = DocumentExtractor.Extract("bulletin-1", "Năm 2023 các KCN thu hút 15 dự án với vốn đầu tư 450 triệu USD.");
        index.Upsert(new IndexedDocument(v1, "Năm 2023 các KCN thu hút 12 dự án với vốn đầu tư 300 triệu USD."));
        index.Commit();
        index.Upsert(new IndexedDocument(v2, "Năm 2023 các KCN thu hút 15 dự án với vốn đầu tư 450 triệu USD."));
        index.Refresh(); // near-real-time: visible before the commit
        Assert.Equal(1, index.DocumentCount);
        Assert.Empty(index.Search(new SearchRequest { Metric = "investment_capital", Max = 300_000_000m }).Figures);
        Assert.Single(index.Search(new SearchRequest { Metric = "investment_capital", Min = 450_000_000m }).Figures);
        index.Delete("bulletin-1");
        index.Commit();
        Assert.Equal(0, index.DocumentCount);
    }

    [Fact]
    public void An_index_killed_during_a_write_opens_cleanly_with_its_last_commit()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"pipeline-index-{Guid.NewGuid():N}");
        var copies = Path.Combine(Path.GetTempPath(), $"pipeline-copies-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(copies);
        try
        {
            var files = CorpusIndex.Files().ToList();
            Assert.Equal(0, RunCli(["index", .. files.Take(5), "--index", folder]));
            for (var i = 0; i < 12; i++)
            {
                foreach (var f in files)
                {
                    File.Copy(f, Path.Combine(copies, $"{i}-{Path.GetFileName(f)}"));
                }
            }

            // Killed while its index writer holds the folder's write lock, i.e. in the middle of its writes,
            // which it commits only once every file is read.
            using (var writing = BuiltCli.Start(["index", .. System.IO.Directory.GetFiles(copies), "--index", folder]))
            {
                writing.StandardOutput.ReadToEndAsync();
                writing.StandardError.ReadToEndAsync();
                using (var directory = FSDirectory.Open(folder))
                {
                    Assert.False(IndexWriter.IsLocked(directory)); // the first run's writer is closed: the lock says a writer is open now
                    var watch = Stopwatch.StartNew();
                    while (!writing.HasExited && !IndexWriter.IsLocked(directory) && watch.Elapsed < TimeSpan.FromMinutes(2))
                    {
                        Thread.Sleep(10);
                    }

                    Thread.Sleep(300); // let it add some documents
                    Assert.True(IndexWriter.IsLocked(directory), "the writer was not open when the process was killed");
                }

                Assert.False(writing.HasExited, "the indexing ended before it could be killed");
                writing.Kill(entireProcessTree: true); // as kill -9 would: no dispose, no commit
                writing.WaitForExit();
            }

            using (var directory = FSDirectory.Open(folder))
            {
                var status = new CheckIndex(directory).DoCheckIndex();
                Assert.True(status.Clean, "CheckIndex found problems after the kill");
            }

            using var index = SearchIndex.Open(folder, SearchLanguage.Vocabulary);
            Assert.Equal(5, index.DocumentCount); // the last commit, and nothing of the killed run
        }
        finally
        {
            System.IO.Directory.Delete(copies, recursive: true);
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static int RunCli(IEnumerable<string> args)
    {
        using var process = BuiltCli.Start(args);
        process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return process.ExitCode;
    }
}
