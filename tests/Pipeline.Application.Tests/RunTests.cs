using System.Text;
using Pipeline.Crawling.Fetching;
using Pipeline.Crawling.Registry;
using Pipeline.Crawling.Sites;
using Pipeline.Processing;
using Pipeline.Search;
using Pipeline.Storage;

namespace Pipeline.Application.Tests;

/// <summary>The whole pipeline, crawl to index, over portal-shaped sites on 127.0.0.1.</summary>
public sealed class RunTests : IAsyncDisposable
{
    private static readonly IReadOnlyList<Bulletin> Corpus = Bulletins.All;
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-run-").FullName;
    private readonly List<PortalServer> _servers = [];

    private RunPlaces Options => new(Path.Combine(_folder, "pipeline.db"), Path.Combine(_folder, "index"));

    private static CrawlSettings Settings => new() { Delay = TimeSpan.Zero, RetryBaseDelay = TimeSpan.FromMilliseconds(20) };

    [Fact]
    public async Task ARunStoresEveryArticleWithItsFiguresAndASecondRunDoesNothing()
    {
        var registry = await ServeAsync(PortalSite.SharePoint(Corpus.Take(6)), PortalSite.Liferay(Corpus.Skip(6).Take(6)));

        var first = await Runs.RunAsync(registry, Settings, null, Options, null, CancellationToken.None);

        Assert.Equal(12, first.Crawl!.New);
        Assert.Equal(12, first.Process.Documents);
        Assert.Equal(12, first.Index.Indexed);
        Assert.Equal(12, first.Documents);
        Assert.True(first.Figures > 50, $"only {first.Figures} figures");
        Assert.False(first.NothingChanged);
        using (var store = DocumentStore.Open(Options.Database))
        {
            var documents = store.Documents().ToList();
            Assert.All(documents, d =>
            {
                Assert.NotNull(d.Province);
                Assert.NotNull(d.Published);
                Assert.StartsWith("http://127.0.0.1:", d.Url, StringComparison.Ordinal);
                Assert.All(d.Figures, f => Assert.Equal(f.Text, d.Text[f.Start..f.End]));
                Assert.Contains(d.PageType, Pipeline.Learning.Pages.PageTypes.All);
                Assert.InRange(d.PageTypeScore!.Value, 0, 1);
            });
            // Nine of the twelve served bulletins are reports (the others: a project licence, a training notice, a photo story).
            Assert.True(documents.Count(d => d.PageType == "report") >= 8, string.Join(", ", documents.Select(d => $"{d.Title}: {d.PageType}")));
        }

        var second = await Runs.RunAsync(registry, Settings, null, Options, null, CancellationToken.None);

        Assert.True(second.NothingChanged);
        Assert.Equal(0, second.Process.Documents);
        Assert.Equal(0, second.Index.Indexed);
        Assert.Equal(first.Figures, second.Figures);
    }

    [Fact]
    public async Task AChangedPageIsReadAndIndexedAgainAndOnlyIt()
    {
        var liferay = PortalSite.Liferay(Corpus.Take(5));
        var registry = await ServeAsync(liferay);
        await Runs.RunAsync(registry, Settings, null, Options, null, CancellationToken.None);
        var article = liferay.Articles[2];
        liferay.Html(article.Path, $"<html><head><title>{article.Bulletin.Title}</title></head><body><h1>{article.Bulletin.Title}</h1><div class=\"journal-content-article\"><p>Ngày đăng: 05/01/2024</p><p>Năm 2023, các khu công nghiệp thu hút thêm 17 dự án mới với tổng vốn đăng ký 412 triệu USD.</p></div></body></html>");

        var second = await Runs.RunAsync(registry, Settings, null, Options, null, CancellationToken.None);

        Assert.Equal(1, second.Crawl!.Changed);
        Assert.Equal(1, second.Process.Documents);
        Assert.Equal(1, second.Index.Indexed);
        using var index = SearchIndex.Open(Options.Index, SearchLanguage.Vocabulary);
        var hits = index.Search(new SearchRequest { Text = "412 trieu USD", Limit = 3 });
        Assert.EndsWith(article.Path, hits.Hits[0].Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunsStoreGivesHeadlinesStatsAndAnExport()
    {
        var registry = await ServeAsync(PortalSite.SharePoint(Corpus.Take(4)));
        var run = await Runs.RunAsync(registry, Settings, null, Options, null, CancellationToken.None);

        var headlines = Headlines.Latest(Options.Database);
        Assert.NotEmpty(headlines);
        Assert.Equal(headlines.Select(h => h.Published).OrderDescending(), headlines.Select(h => h.Published));
        Assert.All(headlines, h => Assert.All(h.Figures, f => Assert.Equal(Pipeline.Core.Measure.Level, f.Measure)));
        var stats = StoreStats.Read(Options.Database);
        Assert.Equal(run.Documents, stats.Documents);
        Assert.Equal("site0", Assert.Single(stats.Sources).Site);
        var tables = await Pipeline.Application.Export.DatasetExport.WriteAsync(Options.Database, Pipeline.Application.Export.ExportFormat.Csv, Path.Combine(_folder, "out"), null, null, CancellationToken.None);
        Assert.Equal([("figures", run.Figures), ("documents", run.Documents)], tables.Take(2).Select(t => (t.Table, t.Rows)));
        Assert.Equal("tables", tables[2].Table);
        Assert.All(tables, t => Assert.True(File.Exists(t.Path), t.Path));
        Assert.Throws<UsageException>(() => StoreStats.Read(Path.Combine(_folder, "none.db")));
    }

    [Fact]
    public async Task AnIndexCanBeRebuiltFromTheStoreAlone()
    {
        var registry = await ServeAsync(PortalSite.SharePoint(Corpus.Take(5)));
        await Runs.RunAsync(registry, Settings, null, Options, null, CancellationToken.None);
        var elsewhere = Path.Combine(_folder, "index-2");

        var rebuilt = Searches.IndexStore(Options.Database, elsewhere);

        Assert.Equal(5, rebuilt.Summary.Indexed);
        Assert.Equal(5, rebuilt.InIndex);
        using var index = SearchIndex.Open(elsewhere, SearchLanguage.Vocabulary);
        Assert.Equal(5, index.DocumentCount);
        var hit = index.Search(new SearchRequest { Text = Corpus[2].Title, Limit = 1 }).Hits[0];
        Assert.EndsWith($"/Pages/{Corpus[2].Slug}.aspx", hit.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReprocessReadsStoredPagesWithANewExtractorAndFetchesNothing()
    {
        var registry = await ServeAsync(PortalSite.SharePoint(Corpus.Take(4)));
        await Runs.RunAsync(registry, Settings, null, Options, null, CancellationToken.None);
        var requests = _servers.Sum(s => s.Log.Count);

        using (var pages = Pipeline.Crawling.State.CrawlStore.Open(Options.Database))
        using (var store = DocumentStore.Open(Options.Database))
        {
            var stage = new ProcessStage(pages, store, site => PageProcessor.Facts(registry.Named(site)!), _ => null);
            Assert.Equal(4, stage.Run("next-extractor").Documents);
            Assert.Equal(0, stage.Run("next-extractor").Documents);
            Assert.All(store.Documents(), d => Assert.Equal("next-extractor", d.ExtractorVersion));
        }

        var reprocessed = Runs.Reprocess(Options, registry: null, all: false, progress: null, CancellationToken.None);
        Assert.Equal(4, reprocessed.Process.Documents);
        Assert.Equal(requests, _servers.Sum(s => s.Log.Count));
    }

    [Fact]
    public async Task DocumentsStoredBeforeThePageClassifierAreReadAgainOnceAndGetAType()
    {
        var registry = await ServeAsync(PortalSite.SharePoint(Corpus.Take(3)));
        await Runs.RunAsync(registry, Settings, null, Options, null, CancellationToken.None);
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Options.Database};Pooling=False"))
        {
            db.Open();
            using var forget = db.CreateCommand();
            forget.CommandText = "UPDATE documents SET page_type = NULL, page_type_score = NULL WHERE id = (SELECT MIN(id) FROM documents)";
            Assert.Equal(1, forget.ExecuteNonQuery());
        }

        var second = await Runs.RunAsync(registry, Settings, null, Options, null, CancellationToken.None);
        var third = await Runs.RunAsync(registry, Settings, null, Options, null, CancellationToken.None);

        Assert.Equal(1, second.Process.Documents);
        Assert.Equal(1, second.Index.Indexed);
        Assert.True(third.NothingChanged);
        using var store = DocumentStore.Open(Options.Database);
        Assert.All(store.Documents(), d => Assert.NotNull(d.PageType));
    }

    [Fact]
    public async Task TheSameFactFromSeveralReportsIsLinkedAndDisagreementsAreFlagged()
    {
        static string Page(string title, string body) =>
            $"<html><head><title>{title}</title></head><body><h1 class=\"news-title\">{title}</h1><div class=\"news-date\">Ngày đăng: 05/01/2024</div><div class=\"ms-rtestate-field\"><p>{body}</p></div></body></html>";
        var board = PortalSite.SharePoint([]);
        board.Html("/Pages/tong-ket-2023.aspx", Page("Tổng kết năm 2023", "Năm 2023, các khu công nghiệp tỉnh Bắc Ninh thu hút 17 dự án mới với tổng vốn đăng ký 412 triệu USD."));
        board.Html("/Pages/default.aspx", "<html><body><a href=\"/Pages/tong-ket-2023.aspx\">a</a></body></html>");
        var paper = PortalSite.SharePoint([]);
        paper.Html("/Pages/bac-ninh-2023.aspx", Page("Bắc Ninh: kết quả thu hút đầu tư 2023", "Năm 2023, các khu công nghiệp tỉnh Bắc Ninh thu hút 17 dự án mới với tổng vốn đăng ký 421 triệu USD."));
        paper.Html("/Pages/default.aspx", "<html><body><a href=\"/Pages/bac-ninh-2023.aspx\">a</a></body></html>");
        board.Redirect("/", "/Pages/default.aspx");
        paper.Redirect("/", "/Pages/default.aspx");
        var registry = await ServeAsync(board, paper);

        var run = await Runs.RunAsync(registry, Settings, null, Options, null, CancellationToken.None);

        Assert.Equal(2, run.Documents);
        Assert.True(run.Facts.MultiSource >= 2, $"{run.Facts}"); // the projects and the capital, each from both
        Assert.Equal(1, run.Facts.Conflicts); // 412 against 421 million USD
        using var store = DocumentStore.Open(Options.Database);
        var conflict = Assert.Single(store.Conflicts());
        Assert.Contains("investment_capital", conflict.Key, StringComparison.Ordinal);
        Assert.Equal(["412000000", "421000000"], conflict.Reports.Select(r => r.Value).Order());

        var stats = StoreStats.Read(Options.Database);
        Assert.Equal(new Count("Bắc Ninh", 2), Assert.Single(stats.ByProvince));
        Assert.Contains(stats.ByMetric, c => c.Label == "investment_capital");
        Assert.Contains(stats.Conflicts.SelectMany(c => c.Reports), r => r.Value == "421000000");
    }

    private async Task<SourceRegistry> ServeAsync(params PortalSite[] sites)
    {
        foreach (var site in sites)
        {
            _servers.Add(await PortalServer.StartAsync(site));
        }

        var json = new StringBuilder("{\"sources\": [");
        json.AppendJoin(",", _servers.Select((s, i) => $$"""
            {"name": "site{{i}}", "title": "Ban Quản lý các KCN tỉnh Bắc Ninh", "province": "Bắc Ninh", "kind": "KCN", "base_url": "{{s.BaseUrl}}", "platform": "{{s.Site.Platform}}"}
            """));
        return SourceRegistry.Parse(json.Append("]}").ToString());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
