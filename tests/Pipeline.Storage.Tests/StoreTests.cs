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

        Assert.Equal(["crawl 2", $"documents {DocumentSchema.Steps.Count}"], Rows("SELECT owner || ' ' || version FROM schema_versions ORDER BY owner"));
        Assert.Equal([SchemaSteps.PerOwner.ToString(System.Globalization.CultureInfo.InvariantCulture)], Rows("PRAGMA user_version"));
    }

    [Fact]
    public void AStoreFromBeforeSubjectsAndTableCellsKeepsItsRowsAndReadsItsPagesAgain()
    {
        // The file as the four earlier steps left it, with one document, its figure and its fact.
        using (var db = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = string.Join("\n", DocumentSchema.Steps.Take(4)) + """

                CREATE TABLE schema_versions (owner TEXT PRIMARY KEY, version INTEGER NOT NULL);
                INSERT INTO schema_versions VALUES ('documents', 4);
                PRAGMA user_version = 100;
                INSERT INTO documents (id, url, site, page_hash, fetched_at, extractor_version, processed_at, text, attachments, warnings, page_type)
                VALUES (1, 'http://a.test/1', 'board', 'h1', '2024-01-01T00:00:00.000Z', 'v1', '2024-01-01T00:00:00.000Z', 'Năm 2023 thu hút 17 dự án.', '[]', '[]', 'report');
                INSERT INTO figures (document_id, ordinal, metric, measure, value, unit, approx, estimate, target, text, start, end, sentence, confidence, rule, fact_key)
                VALUES (1, 0, 'projects', 'level', '17', 'project', 'exact', 0, 0, '17 dự án', 17, 25, 'Năm 2023 thu hút 17 dự án.', 0.9, 'test', 'Bắc Ninh|projects|level||2023|actual|project');
                INSERT INTO facts VALUES ('Bắc Ninh|projects|level||2023|actual|project', 'Bắc Ninh', 'projects', 'level', NULL, '2023', 0, 'project', '17', '17', 1, 1, 0);
                """;
            command.ExecuteNonQuery();
        }

        using (var store = DocumentStore.Open(Database))
        {
            var old = Assert.Single(store.Documents(tables: true));
            var figure = Assert.Single(old.Figures);
            Assert.Equal((17m, null), (figure.Value, figure.Subject));
            Assert.Empty(old.Tables);

            // Its tables were never kept: the page is read again, though its hash and extractor are the same.
            Assert.Equal(["http://a.test/1"], store.Stale([("http://a.test/1", "h1")], "v1"));
            store.Save([old with { Tables = [Cell(1, 1, 1, "KCN Quế Võ")] }]);
            Assert.Empty(store.Stale([("http://a.test/1", "h1")], "v1"));
        }

        Assert.Equal([$"documents {DocumentSchema.Steps.Count}"], Rows("SELECT owner || ' ' || version FROM schema_versions"));
        Assert.Equal(["Bắc Ninh|projects|level||2023|actual|project"], Rows("SELECT key FROM facts"));
        Assert.Equal([""], Rows("SELECT subject FROM facts"));
        Assert.Equal(["1"], Rows("SELECT tables FROM documents"));
    }

    [Fact]
    public void SubjectsAndTableCellsAreSavedReadBackAndReplacedWithTheirDocument()
    {
        using var store = DocumentStore.Open(Database);
        var zone = Projects(24) with { Subject = "KCN Quế Võ" };
        var cells = new List<StoredTableCell>
        {
            new(1, 1, 1, StoredTableCell.HeaderKind, null, null, "KCN", 10, 13),
            new(1, 1, 2, StoredTableCell.HeaderKind, null, null, "Số dự án mới", 16, 28),
            new(1, 2, 1, StoredTableCell.RowKind, "KCN", "KCN Quế Võ", "KCN Quế Võ", 29, 39),
            new(1, 2, 2, StoredTableCell.RowKind, "Năm 2023 › Số dự án mới", "KCN Quế Võ", "24", 42, 44),
            new(2, 1, 1, StoredTableCell.SectionKind, null, null, "I. Dự án FDI", 50, 62),
        };
        store.Save([Document("http://a.test/1", "h1", "v1") with { Figures = [zone, Projects(96)], Tables = cells }]);

        var saved = Assert.Single(store.Documents(tables: true));
        Assert.Equal(["KCN Quế Võ", null], saved.Figures.Select(f => f.Subject));
        Assert.Equal(cells, saved.Tables);
        Assert.Empty(Assert.Single(store.Documents()).Tables); // cells only when asked for
        Assert.Equal(["2"], Rows("SELECT tables FROM documents"));

        store.Save([saved with { Tables = [cells[0]] }]);
        Assert.Equal([cells[0]], Assert.Single(store.Documents(tables: true)).Tables);
        Assert.Equal(["1"], Rows("SELECT COUNT(*) FROM table_cells"));
    }

    [Fact]
    public void AZonesFigureAndTheProvincesTotalAreNeverOneFactButOneZoneWrittenTwoWaysIs()
    {
        using var store = DocumentStore.Open(Database);
        store.Save(
        [
            Document("http://a.test/bang", "h1", "v1") with { Province = "Bắc Ninh", Figures = [Projects(96), Projects(24) with { Subject = "KCN Quế Võ" }] },
            Document("http://b.test/bao", "h2", "v1") with { Province = "Bắc Ninh", Figures = [Projects(24) with { Subject = "Khu công nghiệp  Quế Võ" }] },
            Document("http://c.test/tin", "h3", "v1") with { Province = "Bắc Ninh", Figures = [Projects(24)] },
        ]);

        var (facts, multi, conflicts) = store.RebuildFacts();

        // The total (96, and 24 read as a total elsewhere: a conflict) and the zone's 24 reported twice.
        Assert.Equal((2, 2, 1), (facts, multi, conflicts));
        Assert.Equal(
            ["Bắc Ninh|projects|level||2023|actual|project 2 1 ", "Bắc Ninh|projects|level||2023|actual|project|kcn quế võ 2 0 KCN Quế Võ"],
            Rows("SELECT key || ' ' || documents || ' ' || conflict || ' ' || COALESCE(subject, '') FROM facts ORDER BY key"));
        Assert.Equal("Bắc Ninh|projects|level||2023|actual|project", Assert.Single(store.Conflicts()).Key);
    }

    public static TheoryData<string> AbbreviationExamples() => [.. SubjectKey.Abbreviations.Select(a => a.Example)];

    [Theory]
    [MemberData(nameof(AbbreviationExamples))]
    public void ASubjectWrittenTheLongWayHasTheKeyOfItsShortForm(string example)
    {
        var row = SubjectKey.Abbreviations.Single(a => a.Example == example);
        var shortWay = row.Short + example[row.Long.Length..];

        Assert.Equal(SubjectKey.Of(shortWay), SubjectKey.Of(example));
        Assert.StartsWith(row.Short.Split(' ')[0], SubjectKey.Of(example), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  KCN   Quế Võ. ", "kcn quế võ")]
    [InlineData("Khu công nghiệp Quế Võ", "kcn quế võ")]
    [InlineData("Công ty TNHH Foxconn", "công ty tnhh foxconn")]
    [InlineData("Cty TNHH Foxconn", "công ty tnhh foxconn")]
    [InlineData("KCN A|B", "kcn a/b")]
    [InlineData("Khu công nghiệpX", "khu công nghiệpx")] // only whole words are shortened
    [InlineData(" - ", null)]
    [InlineData(null, null)]
    public void ASubjectsKeyIsLowerCaseWithOneSpaceAndShortKinds(string? subject, string? key) => Assert.Equal(key, SubjectKey.Of(subject));

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

    private static Figure Projects(decimal value) => new()
    {
        Metric = Metric.Projects,
        Measure = Measure.Level,
        Value = value,
        Unit = "project",
        Period = "2023",
        Text = value + " dự án",
        Sentence = "Năm 2023 thu hút " + value + " dự án.",
        Rule = "test",
        Confidence = 0.9,
    };

    private static StoredTableCell Cell(int table, int row, int column, string text) => new(table, row, column, StoredTableCell.RowKind, null, null, text, 0, text.Length);

    private List<string> Rows(string sql) => Sql.Rows(Database, sql);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
