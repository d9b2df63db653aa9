using Pipeline.Cli;
using Pipeline.Crawling.Fetching;
using Pipeline.Crawling.Sites;
using Pipeline.Crawling.Tests.Sites;

namespace Pipeline.Crawling.Tests;

public sealed class CrawlCommandTests
{
    [Theory]
    [InlineData("{\"sources\": [{\"name\": \"a\"}]}", null, null, "title is required")]
    [InlineData(null, "khong-co", null, "no source named \"khong-co\"")]
    [InlineData(null, null, "01/02/2024", "--since wants a date as yyyy-MM-dd")]
    public async Task UsageAndRegistryErrorsExitWithTwoAndSayWhy(string? registryJson, string? site, string? since, string message)
    {
        var folder = Directory.CreateTempSubdirectory("pipeline-cli-").FullName;
        var registry = Path.Combine(folder, "sources.json");
        File.WriteAllText(registry, registryJson ?? """{"sources": [{"name": "a", "title": "A", "province": "P", "kind": "KCN", "base_url": "http://127.0.0.1:9/"}]}""");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CrawlCommands.Crawl(new CrawlOptions(registry, site is null ? [] : [site], null, since, Path.Combine(folder, "c.db"), 0, null, true, false), stdout, stderr, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr.ToString(), StringComparison.Ordinal);
        Directory.Delete(folder, true);
    }

    [Theory]
    [InlineData(-1, null, new[] { "pipeline: --max-pages must be a whole number of pages, 1 or more, not -1" })]
    [InlineData(0, null, new[] { "pipeline: --max-pages must be a whole number of pages, 1 or more, not 0" })]
    [InlineData(null, -3.0, new[] { "pipeline: --delay must be a number of seconds from 0 to 3600, not -3" })]
    [InlineData(-1, double.NaN, new[] { "pipeline: --max-pages must be a whole number of pages, 1 or more, not -1", "pipeline: --delay must be a number of seconds from 0 to 3600, not NaN" })]
    public async Task LimitsOutOfRangeAreUsageErrorsListedTogether(int? maxPages, double? delay, string[] expected)
    {
        var stderr = new StringWriter();

        // Checked before anything is read: the registry named does not even exist.
        var code = await CrawlCommands.Crawl(new CrawlOptions("/nonexistent/sources.json", [], maxPages, null, "/nonexistent/c.db", delay, null, true, false), new StringWriter(), stderr, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Equal(expected, stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void LimitsInRangeAreFine() => Assert.Empty(CrawlSettings.Validate(1, 0));

    [Fact]
    public async Task TheSummaryCountsWhatTheCrawlDid()
    {
        await using var harness = new CrawlHarness();
        var server = await harness.Serve(PortalSite.SharePoint(Bulletins.All.Take(6)));
        var registry = harness.WriteRegistry();
        var stdout = new StringWriter();

        var code = await CrawlCommands.Crawl(new CrawlOptions(registry, ["site0"], null, null, harness.DatabasePath, 0, "https://example.org/lien-he", false, false), stdout, new StringWriter(), CancellationToken.None);

        Assert.Equal(0, code);
        var text = stdout.ToString();
        Assert.Matches(@"new\s+6\b", text);
        Assert.Matches(@"blocked by robots\s+1\b", text);
        Assert.All(server.Log, r => Assert.Contains("+https://example.org/lien-he", r.UserAgent, StringComparison.Ordinal));
    }
}
