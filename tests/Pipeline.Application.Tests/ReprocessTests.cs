using Pipeline.Crawling.Fetching;
using Pipeline.Crawling.Registry;
using Pipeline.Crawling.Sites;
using Pipeline.Storage;

namespace Pipeline.Application.Tests;

/// <summary>Reprocessing keeps what the crawl knew of each page's source: the store ends as a clean run leaves it.</summary>
public sealed class ReprocessTests : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-reprocess-").FullName;
    private readonly List<PortalServer> _servers = [];

    private RunPlaces Places => new(Path.Combine(_folder, "pipeline.db"), Path.Combine(_folder, "index"));

    [Fact]
    public async Task ReprocessWithOrWithoutTheRegistryGivesTheStoreOfACleanRun()
    {
        // A board whose report names no province (the registry's fills it in), and a newspaper whose
        // header names a board (only the article may say whose figures these are).
        static string Page(string header, string title, string body) =>
            $"<html><head><title>{title}</title></head><body><div class=\"header\">{header}</div><h1 class=\"news-title\">{title}</h1><div class=\"news-date\">Ngày đăng: 05/01/2024</div><div class=\"ms-rtestate-field\"><p>{body}</p></div></body></html>";
        var board = PortalSite.SharePoint([]);
        board.Html("/Pages/tong-ket-2023.aspx", Page("Cổng thông tin", "Tổng kết công tác năm 2023", "Năm 2023, các khu công nghiệp thu hút 17 dự án mới với tổng vốn đăng ký 412 triệu USD; giải quyết việc làm cho 5.200 lao động."));
        board.Html("/Pages/default.aspx", "<html><body><a href=\"/Pages/tong-ket-2023.aspx\">a</a></body></html>");
        board.Redirect("/", "/Pages/default.aspx");
        var paper = PortalSite.SharePoint([]);
        paper.Html("/Pages/kcn-2023.aspx", Page("Ban Quản lý các KCN tỉnh Phú Yên", "Khu công nghiệp hút vốn năm 2023", "Năm 2023, các khu công nghiệp trong cả nước thu hút thêm 250 dự án mới với tổng vốn đăng ký 9,2 tỷ USD."));
        paper.Html("/Pages/default.aspx", "<html><body><a href=\"/Pages/kcn-2023.aspx\">a</a></body></html>");
        paper.Redirect("/", "/Pages/default.aspx");
        foreach (var site in new[] { board, paper })
        {
            _servers.Add(await PortalServer.StartAsync(site));
        }

        var registry = SourceRegistry.Parse($$"""
            {"sources": [
              {"name": "bqlkcn-bac-ninh", "title": "Ban Quản lý các KCN tỉnh Bắc Ninh", "province": "Bắc Ninh", "kind": "KCN", "base_url": "{{_servers[0].BaseUrl}}", "platform": "sharepoint"},
              {"name": "bao-kinh-te", "title": "Báo Kinh tế", "province": "", "kind": "press", "base_url": "{{_servers[1].BaseUrl}}", "platform": "sharepoint"}
            ]}
            """);
        var settings = new CrawlSettings { Delay = TimeSpan.Zero, RetryBaseDelay = TimeSpan.FromMilliseconds(20) };

        var run = await Runs.RunAsync(registry, settings, null, Places, null, CancellationToken.None);
        var clean = Snapshot();
        Assert.Equal(2, run.Documents);
        Assert.Contains(clean, d => d.StartsWith("bqlkcn-bac-ninh|Ban Quản lý các KCN tỉnh Bắc Ninh|Bắc Ninh|", StringComparison.Ordinal));
        Assert.Contains(clean, d => d.StartsWith("bao-kinh-te|||", StringComparison.Ordinal));

        var without = Runs.Reprocess(Places, registry: null, all: true, progress: null, CancellationToken.None);
        Assert.Equal(2, without.Process.Documents);
        Assert.Equal(clean, Snapshot());

        var with = Runs.Reprocess(Places, registry, all: true, progress: null, CancellationToken.None);
        Assert.Equal(2, with.Process.Documents);
        Assert.Equal(clean, Snapshot());
        Assert.Equal(run.Facts, with.Facts);
    }

    /// <summary>Every stored fact of every document and figure, as comparable lines.</summary>
    private List<string> Snapshot()
    {
        using var store = DocumentStore.Open(Places.Database);
        return store.Documents().Select(d => string.Join('|',
            d.Site, d.Board, d.Province, d.Url, d.Title, d.Published, d.Period, d.PageType, d.Text.Length,
            string.Join(';', d.Figures.Select(f => $"{f.Metric} {f.Measure} {f.Value} {f.Unit} {f.Period} {f.Start}")))).ToList();
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
