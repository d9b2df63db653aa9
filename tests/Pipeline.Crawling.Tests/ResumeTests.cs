using System.Diagnostics;
using System.Text;
using Pipeline.Crawling.State;
using Pipeline.Crawling.Sites;
using Pipeline.Crawling.Tests.Sites;

namespace Pipeline.Crawling.Tests;

/// <summary>The crawl survives kill -9: the real `pipeline crawl` is killed mid-run and started again.</summary>
public sealed class ResumeTests
{
    [Fact]
    public async Task ACrawlKilledMidwayResumesWithNothingLostAndNothingFetchedTwice()
    {
        await using var harness = new CrawlHarness();
        var server = await harness.Serve(PortalSite.SharePoint(Bulletins.All.Take(24)));
        var registry = harness.WriteRegistry();
        var articles = server.Site.Articles.Select(a => a.Path).ToHashSet();

        using (var first = Start(registry, harness.DatabasePath))
        {
            // Killed from the server's side the moment the eighth article has been served, mid-crawl.
            var served = 0;
            server.Served = r =>
            {
                if (articles.Contains(r.PathAndQuery) && Interlocked.Increment(ref served) == 8)
                {
                    first.Kill(entireProcessTree: true); // as kill -9: no clean-up runs
                }
            };
            Assert.True(first.WaitForExit(TimeSpan.FromSeconds(60)), "the first crawl neither finished nor was killed");
            server.Served = null;
        }

        var before = server.Log.Count(r => articles.Contains(r.PathAndQuery));
        Assert.InRange(before, 8, 9);

        using (var second = Start(registry, harness.DatabasePath))
        {
            var output = second.StandardOutput.ReadToEndAsync();
            var errors = second.StandardError.ReadToEndAsync();
            Assert.True(second.WaitForExit(TimeSpan.FromSeconds(90)), "the resumed crawl did not finish");
            Assert.True(second.ExitCode == 0, await errors + await output);
        }

        var counts = server.Counts();
        Assert.All(articles, a => Assert.True(counts.ContainsKey(a), $"{a} was never fetched"));
        var twice = articles.Where(a => counts[a] > 1).ToList();
        Assert.True(twice.Count <= 1, "fetched twice: " + string.Join(", ", twice)); // only a request in flight at the kill may repeat
        Assert.Equal(1, counts["/robots.txt"]);
        Assert.Equal(articles.Count, harness.StoredPages().Count(p => p.Kind == PageKind.Article));
    }

    private static Process Start(string registry, string database) =>
        BuiltCli.Start(["crawl", "--sources", registry, "--db", database, "--delay", "0.15"]);
}
