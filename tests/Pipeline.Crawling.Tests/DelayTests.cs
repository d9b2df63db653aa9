using Pipeline.Crawling.Fetching;
using Pipeline.Crawling.Politeness;
using Pipeline.Crawling.Sites;
using Pipeline.Crawling.Tests.Sites;

namespace Pipeline.Crawling.Tests;

/// <summary>One rule for the gap between requests: the board's delay replaces the run's, robots.txt's Crawl-delay is the floor.</summary>
public sealed class DelayTests
{
    [Theory]
    [InlineData(5.0, null, null, 5.0)] // nothing said: the run's delay
    [InlineData(5.0, 1.0, null, 1.0)] // a board's delay below the default is honoured
    [InlineData(5.0, 0.0, null, 0.0)]
    [InlineData(5.0, 10.0, null, 10.0)] // and above it
    [InlineData(5.0, 1.0, 3.0, 3.0)] // down to Crawl-delay, never under it
    [InlineData(5.0, null, 8.0, 8.0)]
    [InlineData(0.0, null, 0.5, 0.5)]
    [InlineData(5.0, 10.0, 3.0, 10.0)]
    public void TheGapIsTheBoardsElseTheRunsAndNeverUnderCrawlDelay(double run, double? board, double? crawlDelay, double expected)
    {
        Assert.Equal(TimeSpan.FromSeconds(expected), DelayRule.Gap(TimeSpan.FromSeconds(run), Seconds(board), Seconds(crawlDelay)));

        var gate = new HostGate(TimeSpan.FromSeconds(run), TimeProvider.System);
        gate.UseBoardDelay(Seconds(board));
        if (Seconds(crawlDelay) is { } floor)
        {
            gate.ObeyCrawlDelay(floor);
        }

        Assert.Equal(TimeSpan.FromSeconds(expected), gate.Delay);
    }

    [Fact]
    public void TheDefaultIsFiveSeconds() => Assert.Equal(TimeSpan.FromSeconds(5), new CrawlSettings().Delay);

    [Fact]
    public async Task ABoardsShorterDelayIsHonouredDownToCrawlDelay()
    {
        // The run's delay is the 5 s default; the board asks 0 s and its robots.txt 0.15 s: requests come 0.15 s apart, not 5.
        await using var harness = new CrawlHarness();
        var site = PortalSite.SharePoint(Bulletins.All.Take(4));
        site.Robots = "User-agent: *\nDisallow: /_layouts/\nCrawl-delay: 0.15\n";
        var server = await harness.Serve(site);
        var registry = harness.RegistryJson().Replace("\"platform\"", "\"delay_seconds\": 0, \"platform\"", StringComparison.Ordinal);

        var summary = await harness.CrawlAsync(CrawlHarness.FastSettings with { Delay = CrawlSettings.DefaultDelay }, registry: registry);

        Assert.Equal(4, summary.New);
        var log = server.Log.OrderBy(r => r.Arrived).ToList();
        var gaps = log.Zip(log.Skip(1), (a, b) => (b.Arrived - a.Ended).TotalMilliseconds).ToList();
        Assert.All(gaps, g => Assert.InRange(g, 149, 4000));
    }

    private static TimeSpan? Seconds(double? s) => s is { } v ? TimeSpan.FromSeconds(v) : null;
}
