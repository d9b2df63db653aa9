using System.Net;
using System.Net.Http.Headers;
using Pipeline.Application;
using Pipeline.Crawling;
using Pipeline.Crawling.Fetching;
using Pipeline.Crawling.State;
using Pipeline.Processing;

namespace Pipeline.Sites.Tests;

/// <summary>The sites served on 127.0.0.1, reached by their .pipeline.test names through the handler.</summary>
public sealed class ServerTests : IAsyncLifetime
{
    private const int PerBoard = 24;
    private readonly string _articles = SampleArticles.WriteFolder(PerBoard);
    private readonly string _work = Directory.CreateTempSubdirectory("pipeline-sites-crawl-").FullName;
    private SiteServer _server = null!;

    public async Task InitializeAsync() => _server = await BundledSites.StartAsync(_articles, Runs.BundledBoards(SampleArticles.Registry));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_articles, recursive: true);
        Directory.Delete(_work, recursive: true);
    }

    private HttpClient Client() => new(BundledSites.CreateHandler(_server.Port, PageFetcher.CreateHandler()));

    [Fact]
    public async Task EachHostGetsItsOwnSite()
    {
        using var client = Client();

        var ninh = await client.GetStringAsync(new Uri("http://bqlkcn-bac-ninh.pipeline.test/robots.txt"));
        var giang = await client.GetStringAsync(new Uri("http://bqlkcn-bac-giang.pipeline.test/robots.txt"));
        using var home = await client.GetAsync(new Uri("http://bqlkcn-bac-ninh.pipeline.test/"));
        using var unknown = await client.GetAsync(new Uri("http://nobody.pipeline.test/"));

        Assert.Contains("Disallow: /_layouts/", ninh, StringComparison.Ordinal);
        Assert.Contains("Disallow: /c/", giang, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, home.StatusCode);
        Assert.Equal("/Pages/default.aspx", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains(_server.Log, r => r.Host == "bqlkcn-bac-giang.pipeline.test" && r.PathAndQuery == "/robots.txt" && r.Status == 200);
        Assert.Equal(SampleArticles.Registry.Sources.Count, _server.Sites.Count);
    }

    [Fact]
    public async Task TheHandlerRefusesEveryOtherHost()
    {
        using var client = Client();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("http://example.com/")));
        Assert.Contains("not a bundled site", refused.Message + refused.InnerException?.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("http://127.0.0.1:" + _server.Port + "/")));
        Assert.Empty(_server.Log);
    }

    [Fact]
    public async Task ConditionalGetsAreAnsweredWith304WhereValidatorsAreSent()
    {
        using var client = Client();
        var site = _server.Sites.Single(s => s.Board.Platform == "sharepoint");
        var url = new Uri(site.Board.BaseUrl, site.Articles[0].Path);

        using var first = await client.GetAsync(url);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.NotNull(first.Content.Headers.LastModified);
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(again);
        using var since = new HttpRequestMessage(HttpMethod.Get, url);
        since.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        using var third = await client.SendAsync(since);
        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""));
        using var fourth = await client.SendAsync(stale);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, third.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);

        var liferay = _server.Sites.Single(s => s.Board.Platform == "liferay");
        using var plain = await client.GetAsync(new Uri(liferay.Board.BaseUrl, liferay.Articles[0].Path));
        Assert.Null(plain.Headers.ETag);
        Assert.Null(plain.Content.Headers.LastModified);
    }

    [Fact]
    public async Task ALayerAnswersWhatItPicksAndPassesTheRestToASiteAtTheServersOwnAddress()
    {
        var articles = SampleArticles.Many("bqlkcn-bac-ninh", 6);
        await using var server = await SiteServer.StartAsync(
            port => [SiteBuilder.Build(SampleArticles.BoardOf("bqlkcn-bac-ninh") with { Host = $"127.0.0.1:{port}" }, articles)],
            async (context, next) =>
            {
                if (context.Request.Path == "/robots.txt")
                {
                    context.Response.StatusCode = 503;
                    return;
                }

                await next(context);
            });
        var site = Assert.Single(server.Sites);
        using var client = new HttpClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("PipelineBot/1.0");

        using var robots = await client.GetAsync(new Uri(site.Board.BaseUrl, "/robots.txt"));
        var article = await client.GetStringAsync(new Uri(site.Board.BaseUrl, site.Articles[0].Path));

        Assert.Equal($"http://127.0.0.1:{server.Port}/", site.Board.BaseUrl.AbsoluteUri);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, robots.StatusCode);
        Assert.Contains(Markup.Esc(site.Articles[0].Article.Title), article, StringComparison.Ordinal);

        // The log holds the layer's answers as well as the site's, each once it has ended.
        Assert.True(SpinWait.SpinUntil(() => server.Log.Count == 2, TimeSpan.FromSeconds(5)));
        Assert.Equal([("/robots.txt", 503), (site.Articles[0].Path, 200)], server.Log.Select(r => (r.PathAndQuery, r.Status)));
        Assert.All(server.Log, r => Assert.Equal("PipelineBot/1.0", r.UserAgent));
        Assert.All(server.Log, r => Assert.True(r.Ended >= r.Arrived));
    }

    [Fact]
    public async Task TheCrawlerFetchesEveryArticleOnceAndARecrawlFindsNothingNew()
    {
        var settings = new CrawlSettings
        {
            Delay = TimeSpan.Zero,
            AttemptTimeout = TimeSpan.FromSeconds(5),
            OverallTimeout = TimeSpan.FromSeconds(20),
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
            MaxRetries = 1,
        };
        var articles = _server.Sites.SelectMany(s => s.Articles.Select(a => (s.Board.Host, a.Path))).ToHashSet();

        var first = await CrawlAsync(settings);

        var log = string.Join("\n", _server.Log.Select(r => $"{r.Host}{r.PathAndQuery} {r.Status}"));
        Assert.Equal(SampleArticles.Registry.Sources.Count * PerBoard, articles.Count);
        Assert.True(articles.Count == first.New, $"{first.New} new, expected {articles.Count}:\n{log}");
        Assert.Empty(first.Failed);
        Assert.Equal(SampleArticles.Registry.Sources.Count, first.BlockedByRobots);
        var fetched = _server.Log.Where(r => articles.Contains((r.Host, r.PathAndQuery))).ToList();
        Assert.Equal(articles.Count, fetched.Count);
        Assert.Equal(articles.Count, fetched.Select(r => (r.Host, r.PathAndQuery)).Distinct().Count());
        Assert.DoesNotContain(_server.Log, r => _server.Sites.Any(s => s.Board.Host == r.Host && s.ForbiddenPath == r.PathAndQuery));
        Assert.DoesNotContain(_server.Log, r => r.Status == 404);

        var second = await CrawlAsync(settings);

        Assert.Equal(0, second.New);
        Assert.Equal(0, second.Changed);
        Assert.Equal(articles.Count, second.Unchanged);
        var withValidators = SampleArticles.Registry.Sources.Count(s => s.Platform is "sharepoint" or "wordpress" or "drupal");
        Assert.Equal(withValidators * PerBoard, _server.Log.Skip(fetched.Count).Count(r => r.Status == 304));
    }

    private async Task<CrawlSummary> CrawlAsync(CrawlSettings settings)
    {
        using var store = CrawlStore.Open(Path.Combine(_work, "crawl.db"));
        using var fetcher = new PageFetcher(settings, handler: BundledSites.CreateHandler(_server.Port, PageFetcher.CreateHandler()));
        var crawler = new Crawler(settings, store, fetcher, new PortalPageReader());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await crawler.RunAsync(new CrawlRequest(SampleArticles.Registry.Sources), timeout.Token);
    }
}
