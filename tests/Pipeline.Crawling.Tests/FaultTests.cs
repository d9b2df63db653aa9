using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Pipeline.Crawling.Sites;
using Pipeline.Crawling.Tests.Sites;

namespace Pipeline.Crawling.Tests;

/// <summary>A portal that misbehaves in every way the real ones do, and what the crawler makes of it.</summary>
public sealed class FaultTests
{
    private static readonly Lazy<byte[]> Bomb = new(() =>
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 100; i++)
            {
                gzip.Write(zeros);
            }
        }

        return output.ToArray();
    });

    private static readonly Dictionary<string, Func<HttpContext, int, Task>> Faults = new()
    {
        ["/Pages/f-503-once.aspx"] = (c, n) => n == 0 ? Status(c, 503, retryAfter: "1") : Ok(c),
        ["/Pages/f-429-date.aspx"] = (c, n) => n == 0 ? Status(c, 429, retryAfter: DateTimeOffset.UtcNow.AddSeconds(2).ToString("R")) : Ok(c),
        ["/Pages/f-reset-once.aspx"] = (c, n) => { if (n == 0) { c.Abort(); return Task.CompletedTask; } return Ok(c); },
        ["/Pages/f-slow.aspx"] = async (c, _) => { await Task.Delay(5000, c.RequestAborted); await Ok(c); },
        ["/Pages/f-truncated.aspx"] = async (c, _) =>
        {
            c.Response.ContentLength = 20000;
            await c.Response.Body.WriteAsync(new byte[5000]);
            await c.Response.Body.FlushAsync();
            await Task.Delay(100); // let the first 5,000 bytes leave before the connection drops
            c.Abort();
        },
        ["/Pages/f-loop-a.aspx"] = (c, _) => Redirect(c, "/Pages/f-loop-b.aspx"),
        ["/Pages/f-loop-b.aspx"] = (c, _) => Redirect(c, "/Pages/f-loop-a.aspx"),
        ["/Pages/f-chain.aspx"] = (c, _) => Redirect(c, "/Pages/default.aspx?hop=1"),
        ["/Pages/f-offsite.aspx"] = (c, _) => Redirect(c, "http://127.0.0.1:9/khong-thuoc-danh-ba.aspx"),
        ["/Pages/f-huge.aspx"] = async (c, _) =>
        {
            c.Response.ContentType = "text/html";
            var block = new byte[64 * 1024];
            Array.Fill(block, (byte)'a');
            for (var i = 0; i < 800; i++)
            {
                await c.Response.Body.WriteAsync(block, c.RequestAborted); // 50 MB if nobody stops reading
            }
        },
        ["/Pages/f-declared-huge.aspx"] = (c, _) => { c.Response.ContentLength = 50L * 1024 * 1024; return c.Response.Body.WriteAsync(new byte[1024]).AsTask(); },
        ["/Pages/f-bomb.aspx"] = (c, _) =>
        {
            c.Response.Headers.ContentEncoding = "gzip";
            c.Response.ContentType = "text/html";
            return c.Response.Body.WriteAsync(Bomb.Value).AsTask();
        },
        ["/Pages/f-missing.aspx"] = (c, _) => Status(c, 404),
        ["/Pages/f-gone.aspx"] = (c, _) => Status(c, 410),
        ["/Pages/f-forbidden.aspx"] = (c, _) => Status(c, 403),
        ["/Pages/f-500.aspx"] = (c, _) => Status(c, 500),
        ["/Pages/f-malformed.aspx"] = (c, _) => c.Response.WriteAsync("<html><body><div><p>Năm 2023 thu hút 12 dự án<table><tr><td>FDI<td>300 triệu USD</div></p><p>không đóng"),
    };

    [Fact]
    public async Task EveryFaultEndsInItsOwnReasonWithTheRightNumberOfRequests()
    {
        await using var harness = new CrawlHarness();
        var site = PortalSite.SharePoint([]);
        foreach (var (path, respond) in Faults)
        {
            site.Responses[path] = respond;
        }

        // A chain of seven redirects, past the limit of five.
        for (var hop = 1; hop < 7; hop++)
        {
            var next = hop + 1;
            site.Responses[$"/Pages/default.aspx?hop={hop}"] = (c, _) => Redirect(c, $"/Pages/default.aspx?hop={next}");
        }

        site.Html("/Pages/loi.aspx?Page=1", "<html><body><ul>" + string.Concat(Faults.Keys.Select(p => $"<li><a href=\"{p}\">{p}</a></li>")) + "</ul></body></html>");
        var server = await harness.Serve(site);
        var settings = CrawlHarness.FastSettings with { BreakerMinimumThroughput = 1000, AttemptTimeout = TimeSpan.FromSeconds(1.5) };
        var registry = harness.RegistryJson(_ => """[{"url": "/Pages/loi.aspx?Page=1", "kind": "listing"}]""");

        var summary = await harness.CrawlAsync(settings, registry: registry);

        var counts = server.Counts();
        Assert.Equal(2, counts["/Pages/f-503-once.aspx"]);
        Assert.Equal(2, counts["/Pages/f-429-date.aspx"]);
        Assert.Equal(2, counts["/Pages/f-reset-once.aspx"]);
        Assert.Equal(3, counts["/Pages/f-slow.aspx"]);
        Assert.Equal(3, counts["/Pages/f-truncated.aspx"]);
        Assert.Equal(3, counts["/Pages/f-500.aspx"]);
        Assert.Equal(1, counts["/Pages/f-missing.aspx"]);
        Assert.Equal(1, counts["/Pages/f-gone.aspx"]);
        Assert.Equal(1, counts["/Pages/f-forbidden.aspx"]);
        Assert.Equal(1, counts["/Pages/f-loop-a.aspx"]);
        Assert.Equal(1, counts["/Pages/f-loop-b.aspx"]);
        Assert.Equal(1, counts["/Pages/f-huge.aspx"]);
        Assert.Equal(1, counts["/Pages/f-bomb.aspx"]);

        // The host waited as told: the retry came no sooner than Retry-After.
        AssertPause(server, "/Pages/f-503-once.aspx", 1000);
        AssertPause(server, "/Pages/f-429-date.aspx", 900);

        var failed = summary.Failed;
        Assert.True(failed.ContainsKey("Truncated"), harness.FetchLog());
        Assert.Equal(1, failed["Timeout"]);
        Assert.Equal(1, failed["Truncated"]);
        Assert.Equal(1, failed["ServerError"]);
        Assert.Equal(2, failed["NotFound"]);
        Assert.Equal(1, failed["ClientError"]);
        Assert.Equal(1, failed["RedirectLoop"]);
        Assert.Equal(1, failed["TooManyRedirects"]);
        Assert.Equal(1, failed["RedirectOffSite"]);
        Assert.Equal(3, failed["TooLarge"]);

        var stored = harness.StoredPages().Select(p => p.Url.AbsolutePath).ToHashSet();
        Assert.Contains("/Pages/f-503-once.aspx", stored);
        Assert.Contains("/Pages/f-429-date.aspx", stored);
        Assert.Contains("/Pages/f-reset-once.aspx", stored);
        Assert.Contains("/Pages/f-malformed.aspx", stored);
        Assert.DoesNotContain("/Pages/f-huge.aspx", stored);
    }

    [Fact]
    public async Task AHostThatKeepsFailingIsLeftAloneOnceItsCircuitOpens()
    {
        await using var harness = new CrawlHarness();
        var site = PortalSite.SharePoint([]);
        var paths = Enumerable.Range(1, 30).Select(i => $"/Pages/hong-{i}.aspx").ToList();
        foreach (var path in paths)
        {
            site.Responses[path] = (c, _) => Status(c, 500);
        }

        site.Html("/Pages/loi.aspx?Page=1", "<html><body>" + string.Concat(paths.Select(p => $"<a href=\"{p}\">x</a>")) + "</body></html>");
        var server = await harness.Serve(site);
        var settings = CrawlHarness.FastSettings with
        {
            BreakerMinimumThroughput = 4,
            BreakerBreakDuration = TimeSpan.FromMilliseconds(500),
            MaxRetries = 1,
        };

        var summary = await harness.CrawlAsync(settings, registry: harness.RegistryJson(_ => """[{"url": "/Pages/loi.aspx?Page=1", "kind": "listing"}]"""));

        var served = server.Log.Count(r => r.PathAndQuery.StartsWith("/Pages/hong-", StringComparison.Ordinal));
        Assert.True(served < paths.Count * 2 / 2, $"the failing host still got {served} requests for {paths.Count} pages");
        Assert.True(summary.Failed.GetValueOrDefault("CircuitOpen") > 0);
        Assert.Equal(paths.Count, summary.Failed.Values.Sum());
    }

    [Theory]
    [InlineData(503, 0)]
    [InlineData(404, 5)]
    public async Task ARobotsTxtThatFailsClosesTheSiteAndOneThatIsMissingOpensIt(int robotsStatus, int articlesFetched)
    {
        await using var harness = new CrawlHarness();
        var site = PortalSite.SharePoint(Bulletins.All.Take(5));
        site.Responses["/robots.txt"] = (c, _) => Status(c, robotsStatus);
        var server = await harness.Serve(site);

        var summary = await harness.CrawlAsync(CrawlHarness.FastSettings with { MaxRetries = 0 });

        Assert.Equal(articlesFetched, site.Articles.Count(a => server.Counts().ContainsKey(a.Path)));
        if (robotsStatus >= 500)
        {
            Assert.Single(server.Log); // robots.txt itself, and nothing after it
            Assert.True(summary.Failed["robots.txt unreachable"] > 0);
        }
    }

    [Fact]
    public async Task ListingsAreFollowedNoDeeperThanTheLimit()
    {
        await using var harness = new CrawlHarness();
        var server = await harness.Serve(PortalSite.SharePoint(Bulletins.All.Take(40)));
        var start = server.Rendered.ListingPaths[0];

        await harness.CrawlAsync(CrawlHarness.FastSettings with { MaxDepth = 0 }, registry: harness.RegistryJson(_ => $$"""[{"url": "{{start}}", "kind": "listing"}]"""));

        // The start page (depth 0, the news listing's first page) is read and its articles fetched; its pager leads one level deeper, past the limit.
        Assert.DoesNotContain(server.Log, r => r.PathAndQuery.Contains("?Page=", StringComparison.Ordinal));
        Assert.Equal(PortalSite.PerPage, server.Site.Articles.Count(a => server.Counts().ContainsKey(a.Path)));
    }

    private static void AssertPause(PortalServer server, string path, double milliseconds)
    {
        var asks = server.Log.Where(r => r.PathAndQuery == path).OrderBy(r => r.Arrived).ToList();
        var pause = (asks[1].Arrived - asks[0].Ended).TotalMilliseconds;
        Assert.True(pause >= milliseconds, $"{path}: retried after {pause:F0} ms");
    }

    private static Task Ok(HttpContext c) => c.Response.WriteAsync("<html><body><h1>Tin</h1><p>Năm 2023 các khu công nghiệp thu hút 20 dự án mới.</p></body></html>");

    private static Task Status(HttpContext c, int status, string? retryAfter = null)
    {
        c.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            c.Response.Headers.RetryAfter = retryAfter;
        }

        return Task.CompletedTask;
    }

    private static Task Redirect(HttpContext c, string location)
    {
        c.Response.StatusCode = 302;
        c.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
