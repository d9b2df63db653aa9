using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Pipeline.Crawling.Registry;
using Pipeline.Crawling.Sites;
using Pipeline.Sites;
using Pipeline.Storage;

namespace Pipeline.Processing.Tests;

/// <summary>`pipeline run` as a newcomer runs it: the bundled sites, every stage, offline; killed and rerun.</summary>
public sealed class BundledRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-bundled-").FullName;

    [Fact]
    public async Task ARunKilledMidwayAndRerunEndsWithTheSameDatabaseAsAnUninterruptedOne()
    {
        var articles = Directory.GetFiles(Path.Combine(Bulletins.Root, "corpus", "sites", "articles"), "*.txt", SearchOption.AllDirectories).Length;
        var whole = Path.Combine(_folder, "whole");
        var (code, output) = await RunAsync(whole);
        Assert.True(code == 0, output);
        Assert.Contains($"{articles} documents read", output, StringComparison.Ordinal);
        Assert.Equal(articles, Count(whole, "SELECT COUNT(*) FROM documents"));
        Assert.Equal(Count(whole, "SELECT COUNT(*) FROM figures"), Count(whole, "SELECT SUM(n) FROM (SELECT COUNT(*) n FROM figures GROUP BY document_id)"));
        Assert.Equal(0, Count(whole, "SELECT COUNT(*) FROM documents WHERE title IS NULL OR published IS NULL"));

        // Counted exactly against the sites themselves: every article page stored once, every listing
        // page read, and as many figures as reading each rendered page directly gives (no template: it
        // only removes furniture, which holds no figures).
        var registry = SourceRegistry.Load(Path.Combine(Bulletins.Root, "corpus", "sites", "sources.json"));
        var sites = BundledSites.Build(Path.Combine(Bulletins.Root, "corpus", "sites", "articles"), Pipeline.Application.Runs.BundledBoards(registry));
        Assert.Equal(sites.Sum(s => s.Articles.Count), Count(whole, "SELECT COUNT(*) FROM pages WHERE kind = 'Article'"));
        Assert.Equal(sites.Sum(s => s.ListingPaths.Count) + sites.Count, Count(whole, "SELECT COUNT(*) FROM pages WHERE kind = 'Listing'")); // and each home page
        var expectedFigures = sites.SelectMany(s => s.Articles.Select(a => (Site: s, Article: a)))
            .Sum(x => PageProcessor.Process(
                new PendingPage(x.Article.Path, x.Site.Board.Name, new Uri(x.Site.Board.BaseUrl, x.Article.Path).AbsoluteUri, "text/html; charset=utf-8", "", DateTimeOffset.UnixEpoch, x.Site.Resources[x.Article.Path].Body),
                PageProcessor.Facts(registry.Named(x.Site.Board.Name)!), null, "v", DateTimeOffset.UnixEpoch).Figures.Count);
        Assert.Equal(expectedFigures, Count(whole, "SELECT COUNT(*) FROM figures"));

        // Every document gets a page type, and it agrees with the label of the file the page was rendered from
        // (the page classifier's own data, three quarters of it seen in training: this checks the pipeline's path, not the model).
        Assert.Equal(0, Count(whole, "SELECT COUNT(*) FROM documents WHERE page_type IS NULL OR page_type_score NOT BETWEEN 0 AND 1"));
        var labels = sites.SelectMany(s => s.Articles.Select(a => (Key: s.Board.Name + " " + a.Path, a.Article.Type))).ToDictionary(x => x.Key, x => x.Type);
        var stored = Rows(whole, "SELECT site || ' ' || url || ' ' || page_type FROM documents").Select(r => r.Split(' ')).ToList();
        var agreed = stored.Count(r => labels.TryGetValue(r[0] + " " + new Uri(r[1]).PathAndQuery, out var type) && type == r[2]);
        Assert.True(agreed >= 0.95 * articles, $"{agreed} of {articles} stored page types agree with their files' labels");

        // The headlines are the latest reports' figures: no photo, job or project page among them.
        var headlines = output[output.IndexOf("Headline figures of the latest reports", StringComparison.Ordinal)..];
        var others = Rows(whole, "SELECT title FROM documents WHERE page_type <> 'report' AND id IN (SELECT document_id FROM figures)");
        Assert.NotEmpty(others);
        Assert.DoesNotContain(others, t => headlines.Contains(t[..Math.Min(t.Length, 60)], StringComparison.Ordinal));
        var latestReport = Rows(whole, "SELECT title FROM documents WHERE page_type = 'report' AND id IN (SELECT document_id FROM figures) ORDER BY published DESC LIMIT 1").Single();
        Assert.Contains(latestReport[..Math.Min(latestReport.Length, 60)], headlines, StringComparison.Ordinal);

        var again = await RunAsync(whole);
        Assert.Contains("nothing changed since the last run", again.Output, StringComparison.Ordinal);

        var killed = Path.Combine(_folder, "killed");
        using (var first = Start(killed))
        {
            // Killed once the crawl has stored some pages, well before the run ends.
            var watch = Stopwatch.StartNew();
            while (!first.HasExited && watch.Elapsed < TimeSpan.FromSeconds(60) && SafeCount(killed, "SELECT COUNT(*) FROM pages") < 40)
            {
                Thread.Sleep(5);
            }

            Assert.False(first.HasExited, "the run ended before it could be killed");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        Assert.InRange(SafeCount(killed, "SELECT COUNT(*) FROM documents"), 0, articles - 1);
        var rerun = await RunAsync(killed);
        Assert.True(rerun.Code == 0, rerun.Output);

        foreach (var query in new[]
        {
            "SELECT url || title || published || COALESCE(province, '') || length(text) || page_type || page_type_score FROM documents ORDER BY url",
            "SELECT d.url || f.ordinal || f.metric || f.measure || f.value || f.unit || COALESCE(f.period, '') || f.start FROM figures f JOIN documents d ON d.id = f.document_id ORDER BY d.url, f.ordinal",
            "SELECT key || reports || documents || conflict FROM facts ORDER BY key",
            "SELECT url || hash FROM pages ORDER BY url",
        })
        {
            Assert.Equal(Rows(whole, query), Rows(killed, query));
        }
    }

    private static Process Start(string folder) =>
        BuiltCli.Start(["run", "--db", Path.Combine(folder, "pipeline.db"), "--index", Path.Combine(folder, "index")]);

    private static async Task<(int Code, string Output)> RunAsync(string folder)
    {
        var run = await BuiltCli.RunAsync(["run", "--db", Path.Combine(folder, "pipeline.db"), "--index", Path.Combine(folder, "index")]);
        return (run.Code, run.All);
    }

    private static long Count(string folder, string sql)
    {
        using var db = new SqliteConnection($"Data Source={Path.Combine(folder, "pipeline.db")};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static long SafeCount(string folder, string sql)
    {
        try
        {
            return File.Exists(Path.Combine(folder, "pipeline.db")) ? Count(folder, sql) : 0;
        }
        catch (SqliteException)
        {
            return 0; // the schema is still being made
        }
    }

    private static List<string> Rows(string folder, string sql) => Sql.Rows(Path.Combine(folder, "pipeline.db"), sql);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
