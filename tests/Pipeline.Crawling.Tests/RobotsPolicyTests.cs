using Pipeline.Crawling.Robots;

namespace Pipeline.Crawling.Tests;

public class RobotsPolicyTests
{
    private const string Portal = """
        # A portal-shaped robots.txt
        User-agent: *
        Disallow: /_layouts/
        Disallow: /*print=
        Disallow: /search
        Allow: /search/help$
        Crawl-delay: 5

        User-agent: PipelineBot
        User-agent: OtherBot
        Disallow: /private/
        Allow: /private/public-notice
        Disallow: /*.pdf$

        user-agent: pipelinebot
        disallow: /tmp

        Sitemap: https://bqlkcn.example.vn/sitemap.xml
        """;

    [Theory]
    // The crawler's own groups (merged, case-insensitive) apply, not "*".
    [InlineData("PipelineBot/1.0 (+https://pipeline.example/about)", "https://bqlkcn.example.vn/_layouts/x.aspx", true)]
    [InlineData("PipelineBot/1.0", "/private/report.html", false)]
    [InlineData("PipelineBot/1.0", "/private/public-notice-2023", true)] // longer allow beats shorter disallow
    [InlineData("pipelinebot", "/tmp/a", false)]                          // second group of the same agent, merged
    [InlineData("PipelineBot", "/files/bao-cao.pdf", false)]              // "$" anchors the end
    [InlineData("PipelineBot", "/files/bao-cao.pdf?x=1", true)]
    [InlineData("PipelineBot", "/robots.txt", true)]
    // Anyone else falls to "*".
    [InlineData("SomeCrawler", "/_layouts/15/start.aspx", false)]
    [InlineData("SomeCrawler", "/tin-tuc/bai-viet.aspx?id=5&print=1", false)] // "*" inside a pattern
    [InlineData("SomeCrawler", "/tin-tuc/bai-viet.aspx?id=5", true)]
    [InlineData("SomeCrawler", "/search/help", true)]
    [InlineData("SomeCrawler", "/search/help/more", false)]
    [InlineData("SomeCrawler", "/Search", true)] // paths are case-sensitive
    public void Reads_groups_and_rules_as_RFC_9309_says(string agent, string url, bool allowed) =>
        Assert.Equal(allowed, RobotsPolicy.Parse(Portal, agent).IsAllowed(url));

    [Fact]
    public void Equal_length_allow_and_disallow_resolve_to_allow() =>
        Assert.True(RobotsPolicy.Parse("User-agent: *\nDisallow: /page\nAllow: /page\n", "x").IsAllowed("/page"));

    [Fact]
    public void Crawl_delay_and_sitemaps_are_kept()
    {
        var star = RobotsPolicy.Parse(Portal, "SomeCrawler");
        Assert.Equal(TimeSpan.FromSeconds(5), star.CrawlDelay);
        Assert.Null(RobotsPolicy.Parse(Portal, "PipelineBot").CrawlDelay);
        Assert.Equal(["https://bqlkcn.example.vn/sitemap.xml"], star.Sitemaps);
    }

    [Fact]
    public void Percent_encodings_compare_as_octets()
    {
        var policy = RobotsPolicy.Parse("User-agent: *\nDisallow: /tin-t%e1%bb%a9c/\n", "x");
        Assert.False(policy.IsAllowed("/tin-tức/a.html"));
        Assert.False(policy.IsAllowed("/tin-t%E1%BB%A9c/a.html"));
    }

    [Theory]
    [InlineData(404, true)]
    [InlineData(410, true)]
    [InlineData(500, false)]
    [InlineData(503, false)]
    public void Unavailable_robots_allows_all_and_unreachable_disallows_all(int status, bool allowed) =>
        Assert.Equal(allowed, RobotsPolicy.ForStatus(status).IsAllowed("/any"));

    [Fact]
    public void An_empty_or_malformed_file_allows_everything()
    {
        Assert.True(RobotsPolicy.Parse("", "x").IsAllowed("/a"));
        Assert.True(RobotsPolicy.Parse("Disallow: /\nnonsense\n::::", "x").IsAllowed("/a")); // rules outside a group are void
    }

    [Fact]
    public void The_cli_agrees_with_the_rfc_cases()
    {
        // A Sitemap line between user-agent lines keeps both agents in one group; raw and encoded
        // non-ASCII compare alike; a query's "?" and "&" match literally.
        var file = Path.Combine(Path.GetTempPath(), $"robots-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, "User-agent: BarBot\nSitemap: https://foo.bar/sitemap\nUser-agent: *\nDisallow: /tin-tức/\nDisallow: /a?b=c&d\n");
        try
        {
            var output = new StringWriter();
            var code = Pipeline.Cli.Commands.RobotsCheck(file, "BarBot/2.0", ["/tin-t%E1%BB%A9c/1", "http://foo.bar/a?b=c&d=e", "/a?b=c", "/tin-tuc/1"], output, new StringWriter());
            Assert.Equal(0, code);
            Assert.Equal("disallowed\t/tin-t%E1%BB%A9c/1\ndisallowed\thttp://foo.bar/a?b=c&d=e\nallowed\t/a?b=c\nallowed\t/tin-tuc/1\n", output.ToString().Replace("\r\n", "\n"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_cli_prints_one_verdict_per_url()
    {
        var file = Path.Combine(Path.GetTempPath(), $"robots-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, Portal);
        try
        {
            var output = new StringWriter();
            var code = Pipeline.Cli.Commands.RobotsCheck(file, "SomeCrawler", ["/_layouts/a", "/tin-tuc/1"], output, new StringWriter());
            Assert.Equal(0, code);
            Assert.Equal("disallowed\t/_layouts/a\nallowed\t/tin-tuc/1\n", output.ToString().Replace("\r\n", "\n"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
