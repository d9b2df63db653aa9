using System.Text;
using Pipeline.Crawling.Fetching;
using Pipeline.Crawling.Registry;
using Pipeline.Crawling.Sites;
using Pipeline.Crawling.State;

namespace Pipeline.Crawling.Tests.Sites;

/// <summary>Reads pages as UTF-8 and calls nothing a listing; the crawl tests check fetching, not extraction.</summary>
public sealed class PlainReader : IPageReader
{
    public string Decode(byte[] body, string? contentType) => Encoding.UTF8.GetString(body);

    public PageVerdict Judge(string html, Uri url, Source source) => new(false, null);
}

/// <summary>Servers, a registry naming them, a store in a temp folder, and a crawler wired to them.</summary>
public sealed class CrawlHarness : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-crawl-").FullName;

    public List<PortalServer> Servers { get; } = [];

    public string DatabasePath => Path.Combine(_folder, "crawl.db");

    public static CrawlSettings FastSettings => new()
    {
        Delay = TimeSpan.FromMilliseconds(40),
        AttemptTimeout = TimeSpan.FromSeconds(5), // generous: a loaded CI machine must not turn slow answers into retries
        OverallTimeout = TimeSpan.FromSeconds(20),
        RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        MaxRetries = 2,
        MaxBodyBytes = 2 * 1024 * 1024,
    };

    public async Task<PortalServer> Serve(PortalSite site)
    {
        var server = await PortalServer.StartAsync(site);
        Servers.Add(server);
        return server;
    }

    /// <summary>The registry JSON naming every started server as a board on its platform.</summary>
    public string RegistryJson(Func<PortalServer, string>? start = null) =>
        "{\"sources\": [" + string.Join(",", Servers.Select((s, i) => $$"""
            {"name": "site{{i}}", "title": "Ban Quản lý thử {{i}}", "province": "Bắc Ninh", "kind": "KCN",
             "base_url": "{{s.BaseUrl}}", "platform": "{{s.Site.Platform}}"{{(start is null ? "" : ", \"start\": " + start(s))}}}
            """)) + "]}";

    public string WriteRegistry(Func<PortalServer, string>? start = null)
    {
        var path = Path.Combine(_folder, "sources.json");
        File.WriteAllText(path, RegistryJson(start));
        return path;
    }

    public async Task<CrawlSummary> CrawlAsync(CrawlSettings? settings = null, int? maxPages = null, DateOnly? since = null, string? registry = null, IPageReader? reader = null)
    {
        settings ??= FastSettings;
        var sources = SourceRegistry.Parse(registry ?? RegistryJson());
        using var store = CrawlStore.Open(DatabasePath);
        using var fetcher = new PageFetcher(settings);
        var crawler = new Crawler(settings, store, fetcher, reader ?? new PlainReader());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await crawler.RunAsync(new CrawlRequest(sources.Sources, maxPages, since), timeout.Token);
    }

    public List<PageRecord> StoredPages()
    {
        using var store = CrawlStore.Open(DatabasePath);
        return store.Pages().ToList();
    }

    /// <summary>The last run's fetch log, one line per URL, for failure messages.</summary>
    public string FetchLog()
    {
        using var store = CrawlStore.Open(DatabasePath);
        var run = store.StartRun("{}", DateTimeOffset.UtcNow);
        return string.Join("\n", store.FetchLog(run.Id - 1).Select(e => $"{e.Url.PathAndQuery} {e.Outcome} {e.Requests} {e.Detail}"));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in Servers)
        {
            await server.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform: leave the temp folder.
        }
    }
}
