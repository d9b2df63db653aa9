using Microsoft.Data.Sqlite;
using Pipeline.Core;
using Pipeline.Crawling.State;

namespace Pipeline.Storage.Tests;

/// <summary>The document store: which pages are stale, and its tables beside the crawl's in one file, each owner migrating its own.</summary>
public sealed class StoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-store-").FullName;

    private string Database => Path.Combine(_folder, "pipeline.db");

    [Fact]
    public void APageIsStaleWhenItsDocumentIsMissingOrMadeFromAnotherHashOrExtractor()
    {
        using var store = DocumentStore.Open(Database);
        store.Save([Document("http://a.test/1", "h1", "v1"), Document("http://a.test/2", "h2", "v1") with { PageType = null }]);

        var stale = store.Stale([("http://a.test/1", "h1"), ("http://a.test/2", "h2"), ("http://a.test/3", "h3")], "v1");
        Assert.Equal(["http://a.test/2", "http://a.test/3"], stale.Order(StringComparer.Ordinal)); // no page type yet; no document

        Assert.Equal(["http://a.test/1"], store.Stale([("http://a.test/1", "changed")], "v1"));
        Assert.Equal(["http://a.test/1"], store.Stale([("http://a.test/1", "h1")], "v2"));
        Assert.Empty(store.Stale([], "v1"));
    }

    [Fact]
    public void SavingADocumentAgainReplacesItAndItsFigures()
    {
        using var store = DocumentStore.Open(Database);
        var figure = new Figure { Metric = Metric.InvestmentCapital, Measure = Measure.Level, Value = 412_000_000m, Unit = "USD", Text = "412 triệu USD", Sentence = "412 triệu USD.", Rule = "test", Confidence = 0.9 };
        store.Save([Document("http://a.test/1", "h1", "v1") with { Figures = [figure, figure with { Value = 17 }] }]);
        store.Save([Document("http://a.test/1", "h2", "v1") with { Figures = [figure] }]);

        var saved = Assert.Single(store.Documents());
        Assert.Equal("h2", saved.PageHash);
        Assert.Equal(412_000_000m, Assert.Single(saved.Figures).Value);
        Assert.Equal((1, 1), store.Counts());
    }

    [Fact]
    public void ADatabaseFromBeforeTheTablesHadOwnersOpensWithItsRowsAndGainsTheNewTables()
    {
        // The file as the combined schema left it (user_version 4): the crawl's tables with site_templates, then the documents'.
        using (var db = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = string.Join("\n", CrawlSchema.Steps[0],
                "CREATE TABLE site_templates (site TEXT PRIMARY KEY, template TEXT NOT NULL, updated_at TEXT NOT NULL);",
                DocumentSchema.Steps[0], DocumentSchema.Steps[1], DocumentSchema.Steps[2],
                "INSERT INTO site_templates VALUES ('a', '{}', '2024-01-01T00:00:00.000Z');",
                "PRAGMA user_version = 4;");
            command.ExecuteNonQuery();
        }

        using (var documents = DocumentStore.Open(Database))
        {
            documents.Save([Document("http://a.test/1", "h1", "v1")]);
            Assert.Equal("{}", documents.Template("a"));
        }

        using (var crawl = CrawlStore.Open(Database))
        {
            Assert.Null(crawl.Source("board")); // crawl_sources was made, empty
        }

        Assert.Equal(["crawl 2", "documents 4"], Rows("SELECT owner || ' ' || version FROM schema_versions ORDER BY owner"));
        Assert.Equal([SchemaSteps.PerOwner.ToString(System.Globalization.CultureInfo.InvariantCulture)], Rows("PRAGMA user_version"));
    }

    [Fact]
    public void AFreshFileGetsEachOwnersTablesWhicheverStoreOpensFirst()
    {
        using (DocumentStore.Open(Database))
        {
        }

        using (CrawlStore.Open(Database))
        {
        }

        Assert.Equal([$"crawl {CrawlSchema.Steps.Count}", $"documents {DocumentSchema.Steps.Count}"], Rows("SELECT owner || ' ' || version FROM schema_versions ORDER BY owner"));
        Assert.Contains("site_templates", Rows("SELECT name FROM sqlite_master WHERE type = 'table'"));
    }

    [Fact]
    public void ADatabaseFromANewerProgramIsRefusedUntouched()
    {
        using (var db = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "CREATE TABLE schema_versions (owner TEXT PRIMARY KEY, version INTEGER NOT NULL); INSERT INTO schema_versions VALUES ('documents', 99); PRAGMA user_version = 100;";
            command.ExecuteNonQuery();
        }

        var refused = Assert.Throws<InvalidOperationException>(() => DocumentStore.Open(Database));
        Assert.Contains("newer than this program", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("documents", Rows("SELECT name FROM sqlite_master WHERE type = 'table'"));
    }

    private static StoredDocument Document(string url, string hash, string version) => new()
    {
        Url = url,
        Site = "board",
        PageHash = hash,
        FetchedAt = DateTimeOffset.UnixEpoch,
        ExtractorVersion = version,
        Text = "Năm 2023 thu hút 17 dự án.",
        PageType = "report",
        PageTypeScore = 0.9,
    };

    private List<string> Rows(string sql) => Sql.Rows(Database, sql);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
