using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pipeline.Core;

namespace Pipeline.Storage;

/// <summary>How `pipeline stats` groups its counts.</summary>
public enum StatsGrouping
{
    Province,
    Year,
    Metric,
    Site,
    PageType,
}

/// <summary>An attachment link of a document.</summary>
public sealed record StoredAttachment(string Url, string Text);

/// <summary>
/// One cell of a table in a document's text, as the table reader sees it: which table (from 1, in text order),
/// row and column (from 1, as the cells stand in the row), whether the row is a header, a section row
/// ("I. Dự án FDI") or a row of the table, the headers above its column (upper header rows first) and its row's
/// label, its text, and where it stands in the document's text (a figure read from the cell has the same offsets).
/// </summary>
public sealed record StoredTableCell(int Table, int Row, int Column, string Kind, string? HeaderPath, string? RowHeader, string Text, int Start, int End)
{
    public const string HeaderKind = "header";
    public const string SectionKind = "section";
    public const string RowKind = "row";
}

/// <summary>A document with its provenance: where and when its page was fetched, which extractor read it.</summary>
public sealed record StoredDocument
{
    public long Id { get; init; }

    public required string Url { get; init; }

    public required string Site { get; init; }

    public required string PageHash { get; init; }

    public required DateTimeOffset FetchedAt { get; init; }

    public required string ExtractorVersion { get; init; }

    public DateTimeOffset ProcessedAt { get; init; }

    public string? Title { get; init; }

    public string? Published { get; init; }

    public string? PublishedFrom { get; init; }

    public string? Author { get; init; }

    public string? Board { get; init; }

    public string? Province { get; init; }

    public string? Period { get; init; }

    /// <summary>The clean text that the figures' offsets point into.</summary>
    public required string Text { get; init; }

    public IReadOnlyList<StoredAttachment> Attachments { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyList<Figure> Figures { get; init; } = [];

    /// <summary>Every cell of the tables in <see cref="Text"/>, table by table, row by row; read back only when asked for.</summary>
    public IReadOnlyList<StoredTableCell> Tables { get; init; } = [];

    /// <summary>What kind of page this is as the page classifier says (report, project, event, notice, procedure, job, photo); null until classified.</summary>
    public string? PageType { get; init; }

    /// <summary>The classifier's probability for <see cref="PageType"/>, 0 to 1.</summary>
    public double? PageTypeScore { get; init; }
}

/// <summary>
/// Documents, figures, facts and site templates (the reading stage's tables) in the pipeline's
/// SQLite file, beside the crawl's tables, which only the crawl store reads. A document is
/// keyed by its page URL and remembers the page hash and extractor version it was made from, so
/// an unchanged page is never read twice and an extractor change re-reads exactly what it affects.
/// </summary>
public sealed partial class DocumentStore : IDisposable
{
    private readonly SqliteConnection _db;

    private DocumentStore(SqliteConnection db) => _db = db;

    public static DocumentStore Open(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        db.Open();
        using (var pragmas = db.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;";
            pragmas.ExecuteNonQuery();
        }

        DocumentSchema.Apply(db);
        return new DocumentStore(db);
    }

    /// <summary>
    /// Opens an existing store for reading only (a web server or a reader beside a running writer): nothing
    /// is created, migrated or written, and a writer in another process is never blocked (WAL readers).
    /// </summary>
    public static DocumentStore OpenReadOnly(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such database", path);
        }

        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        using (var pragmas = db.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA query_only = ON;";
            pragmas.ExecuteNonQuery();
        }

        return new DocumentStore(db);
    }

    /// <summary>
    /// Of <paramref name="pages"/> (URL and content hash), those whose document is missing, was made from another page hash or
    /// extractor version, or has no page type or kept tables yet (stored before the page classifier or the table cells): the pages to read again.
    /// </summary>
    public IReadOnlySet<string> Stale(IReadOnlyList<(string Url, string Hash)> pages, string extractorVersion)
    {
        var stale = pages.Select(p => p.Url).ToHashSet(StringComparer.Ordinal);
        if (pages.Count == 0)
        {
            return stale;
        }

        var hashes = pages.ToDictionary(p => p.Url, p => p.Hash, StringComparer.Ordinal);
        using var select = Command(
            $"SELECT url, page_hash, extractor_version, page_type, tables FROM documents WHERE url IN ({string.Join(", ", pages.Select((_, i) => "$u" + i))})");
        for (var i = 0; i < pages.Count; i++)
        {
            select.Parameters.AddWithValue("$u" + i, pages[i].Url);
        }

        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var url = reader.GetString(0);
            if (reader.GetString(1) == hashes[url] && reader.GetString(2) == extractorVersion && !reader.IsDBNull(3) && !reader.IsDBNull(4))
            {
                stale.Remove(url);
            }
        }

        return stale;
    }

    /// <summary>Saves documents (replacing earlier versions, their figures and their table cells) in one transaction.</summary>
    public void Save(IReadOnlyList<StoredDocument> documents)
    {
        using var transaction = _db.BeginTransaction();
        using var upsert = Command(
            """
            INSERT INTO documents (url, site, page_hash, fetched_at, extractor_version, processed_at, title, published, published_from,
                                   author, board, province, period, text, attachments, warnings, indexed_key, page_type, page_type_score, tables)
            VALUES ($url, $site, $hash, $fetched, $version, $processed, $title, $published, $from, $author, $board, $province, $period,
                    $text, $attachments, $warnings, NULL, $page_type, $page_type_score, $tables)
            ON CONFLICT (url) DO UPDATE SET site = excluded.site, page_hash = excluded.page_hash, fetched_at = excluded.fetched_at,
                extractor_version = excluded.extractor_version, processed_at = excluded.processed_at, title = excluded.title,
                published = excluded.published, published_from = excluded.published_from, author = excluded.author, board = excluded.board,
                province = excluded.province, period = excluded.period, text = excluded.text, attachments = excluded.attachments,
                warnings = excluded.warnings, indexed_key = NULL, page_type = excluded.page_type, page_type_score = excluded.page_type_score,
                tables = excluded.tables
            RETURNING id
            """,
            transaction);
        using var clear = Command("DELETE FROM figures WHERE document_id = $id; DELETE FROM table_cells WHERE document_id = $id;", transaction);
        using var insert = Command(
            """
            INSERT INTO figures (document_id, ordinal, metric, measure, value, value_max, unit, approx, estimate, target, scope, period,
                                 text, start, end, sentence, confidence, rule, flags, fact_key, subject)
            VALUES ($doc, $ordinal, $metric, $measure, $value, $max, $unit, $approx, $estimate, $target, $scope, $period,
                    $text, $start, $end, $sentence, $confidence, $rule, $flags, $fact, $subject)
            """,
            transaction);
        using var cell = Command(
            """
            INSERT INTO table_cells (document_id, table_no, row_no, column_no, kind, header_path, row_header, text, start, end)
            VALUES ($doc, $table, $row, $column, $kind, $header, $label, $text, $start, $end)
            """,
            transaction);
        foreach (var document in documents)
        {
            upsert.Parameters.Clear();
            upsert.Parameters.AddWithValue("$url", document.Url);
            upsert.Parameters.AddWithValue("$site", document.Site);
            upsert.Parameters.AddWithValue("$hash", document.PageHash);
            upsert.Parameters.AddWithValue("$fetched", Stamps.Of(document.FetchedAt));
            upsert.Parameters.AddWithValue("$version", document.ExtractorVersion);
            upsert.Parameters.AddWithValue("$processed", Stamps.Of(document.ProcessedAt));
            upsert.Parameters.AddWithValue("$title", (object?)document.Title ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$published", (object?)document.Published ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$from", (object?)document.PublishedFrom ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$author", (object?)document.Author ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$board", (object?)document.Board ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$province", (object?)document.Province ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$period", (object?)document.Period ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$text", document.Text);
            upsert.Parameters.AddWithValue("$attachments", JsonSerializer.Serialize(document.Attachments, WireJson.Stored));
            upsert.Parameters.AddWithValue("$warnings", JsonSerializer.Serialize(document.Warnings, WireJson.Stored));
            upsert.Parameters.AddWithValue("$page_type", (object?)document.PageType ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$page_type_score", (object?)document.PageTypeScore ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$tables", document.Tables.Select(c => c.Table).Distinct().Count());
            var id = (long)upsert.ExecuteScalar()!;
            clear.Parameters.Clear();
            clear.Parameters.AddWithValue("$id", id);
            clear.ExecuteNonQuery();
            foreach (var (figure, ordinal) in document.Figures.Select((f, i) => (f, i)))
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$doc", id);
                insert.Parameters.AddWithValue("$ordinal", ordinal);
                insert.Parameters.AddWithValue("$metric", Names.Of(figure.Metric));
                insert.Parameters.AddWithValue("$measure", Names.Of(figure.Measure));
                insert.Parameters.AddWithValue("$value", figure.Value.ToString(CultureInfo.InvariantCulture));
                insert.Parameters.AddWithValue("$max", (object?)figure.ValueMax?.ToString(CultureInfo.InvariantCulture) ?? DBNull.Value);
                insert.Parameters.AddWithValue("$unit", figure.Unit);
                insert.Parameters.AddWithValue("$approx", Names.Of(figure.Approx));
                insert.Parameters.AddWithValue("$estimate", figure.Estimate);
                insert.Parameters.AddWithValue("$target", figure.Target);
                insert.Parameters.AddWithValue("$scope", figure.Scope is { } scope ? Names.Of(scope) : DBNull.Value);
                insert.Parameters.AddWithValue("$period", (object?)figure.Period ?? DBNull.Value);
                insert.Parameters.AddWithValue("$text", figure.Text);
                insert.Parameters.AddWithValue("$start", figure.Start);
                insert.Parameters.AddWithValue("$end", figure.End);
                insert.Parameters.AddWithValue("$sentence", figure.Sentence);
                insert.Parameters.AddWithValue("$confidence", figure.Confidence);
                insert.Parameters.AddWithValue("$rule", figure.Rule);
                insert.Parameters.AddWithValue("$flags", figure.Flags is { Count: > 0 } flags ? JsonSerializer.Serialize(flags, WireJson.Stored) : DBNull.Value);
                insert.Parameters.AddWithValue("$fact", (object?)FactKey.Of(document.Province, figure) ?? DBNull.Value);
                insert.Parameters.AddWithValue("$subject", (object?)figure.Subject ?? DBNull.Value);
                insert.ExecuteNonQuery();
            }

            foreach (var c in document.Tables)
            {
                cell.Parameters.Clear();
                cell.Parameters.AddWithValue("$doc", id);
                cell.Parameters.AddWithValue("$table", c.Table);
                cell.Parameters.AddWithValue("$row", c.Row);
                cell.Parameters.AddWithValue("$column", c.Column);
                cell.Parameters.AddWithValue("$kind", c.Kind);
                cell.Parameters.AddWithValue("$header", (object?)c.HeaderPath ?? DBNull.Value);
                cell.Parameters.AddWithValue("$label", (object?)c.RowHeader ?? DBNull.Value);
                cell.Parameters.AddWithValue("$text", c.Text);
                cell.Parameters.AddWithValue("$start", c.Start);
                cell.Parameters.AddWithValue("$end", c.End);
                cell.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    /// <summary>Documents (with figures, and with <paramref name="tables"/> their table cells), optionally only those published since a date or of one province, in id order.</summary>
    public IEnumerable<StoredDocument> Documents(DateOnly? since = null, string? province = null, bool onlyUnindexed = false, bool tables = false)
    {
        long after = 0;
        List<StoredDocument> batch;
        do
        {
            using var select = Command(
                $"""
                SELECT {DocumentColumns}
                FROM documents
                WHERE id > $after AND ($since IS NULL OR published >= $since) AND ($province IS NULL OR province = $province)
                  AND (NOT $unindexed OR indexed_key IS NULL)
                ORDER BY id LIMIT 500
                """);
            select.Parameters.AddWithValue("$after", after);
            select.Parameters.AddWithValue("$since", (object?)since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
            select.Parameters.AddWithValue("$province", (object?)province ?? DBNull.Value);
            select.Parameters.AddWithValue("$unindexed", onlyUnindexed);
            batch = [];
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    batch.Add(DocumentRow(reader));
                }
            }

            var figures = FiguresOf(batch.Select(d => d.Id).ToList());
            var cells = tables ? CellsOf(batch.Select(d => d.Id).ToList()) : [];
            foreach (var document in batch)
            {
                yield return document with { Figures = figures.GetValueOrDefault(document.Id) ?? [], Tables = cells.GetValueOrDefault(document.Id) ?? [] };
            }

            after = batch.Count > 0 ? batch[^1].Id : after;
        }
        while (batch.Count == 500);
    }

    /// <summary>Marks documents as indexed, so the next index stage skips them until they change.</summary>
    public void MarkIndexed(IEnumerable<long> ids)
    {
        using var transaction = _db.BeginTransaction();
        using var update = Command("UPDATE documents SET indexed_key = page_hash || '/' || extractor_version WHERE id = $id", transaction);
        var id = update.Parameters.Add("$id", SqliteType.Integer);
        foreach (var value in ids)
        {
            id.Value = value;
            update.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>
    /// Links the figures that report the same fact (province, metric, measure, scope, period, target,
    /// unit, subject) across documents; a fact whose reports differ by more than 1% is a conflict.
    /// Recomputed whole, keyed by the fact itself, so the table is the same however it was reached.
    /// </summary>
    public (int Facts, int MultiSource, int Conflicts) RebuildFacts()
    {
        using var transaction = _db.BeginTransaction();
        using (var rebuild = Command(
            """
            DELETE FROM facts;
            INSERT INTO facts (key, province, metric, measure, scope, period, target, unit, value_min, value_max, reports, documents, conflict, subject)
            SELECT f.fact_key, MIN(d.province), MIN(f.metric), MIN(f.measure), MIN(f.scope), MIN(f.period), MIN(f.target), MIN(f.unit),
                   CAST(MIN(CAST(f.value AS REAL)) AS TEXT), CAST(MAX(CAST(f.value AS REAL)) AS TEXT), COUNT(*), COUNT(DISTINCT f.document_id), 0,
                   MIN(f.subject)
            FROM figures f JOIN documents d ON d.id = f.document_id
            WHERE f.fact_key IS NOT NULL
            GROUP BY f.fact_key;
            """,
            transaction))
        {
            rebuild.ExecuteNonQuery();
        }

        MarkConflicts(transaction);
        using var counts = Command("SELECT COUNT(*), COALESCE(SUM(documents > 1), 0), COALESCE(SUM(conflict), 0) FROM facts", transaction);
        (int, int, int) result;
        using (var reader = counts.ExecuteReader())
        {
            reader.Read();
            result = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
        }

        transaction.Commit();
        return result;
    }

    /// <summary>
    /// A fact is in conflict when its documents share no value: one document may give several values
    /// under one key (a total and its breakdown), so only a value no other report confirms is suspect.
    /// </summary>
    private void MarkConflicts(SqliteTransaction transaction)
    {
        using var select = Command(
            """
            SELECT fact_key, document_id, CAST(value AS REAL) FROM figures
            WHERE fact_key IN (SELECT key FROM facts WHERE documents > 1) ORDER BY fact_key
            """,
            transaction);
        var reports = new List<(string Key, long Document, double Value)>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                reports.Add((reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2)));
            }
        }

        using var mark = Command("UPDATE facts SET conflict = 1 WHERE key = $key", transaction);
        foreach (var fact in reports.GroupBy(r => r.Key))
        {
            var byDocument = fact.GroupBy(r => r.Document).Select(g => g.Select(r => r.Value).ToList()).ToList();
            var agreed = fact.Any(candidate => byDocument.All(values => values.Any(v => Math.Abs(v - candidate.Value) <= 0.01 * Math.Abs(candidate.Value))));
            if (!agreed)
            {
                mark.Parameters.Clear();
                mark.Parameters.AddWithValue("$key", fact.Key);
                mark.ExecuteNonQuery();
            }
        }
    }

    /// <summary>Facts reported differently by different documents, with the documents and values.</summary>
    public IReadOnlyList<(string Key, IReadOnlyList<(string Url, string Value)> Reports)> Conflicts(int limit = 20)
    {
        using var select = Command(
            """
            SELECT c.key, d.url, f.value FROM (SELECT key FROM facts WHERE conflict ORDER BY key LIMIT $limit) c
            JOIN figures f ON f.fact_key = c.key JOIN documents d ON d.id = f.document_id ORDER BY c.key, d.url
            """);
        select.Parameters.AddWithValue("$limit", limit);
        var result = new List<(string, IReadOnlyList<(string, string)>)>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var key = reader.GetString(0);
            if (result.Count == 0 || result[^1].Item1 != key)
            {
                result.Add((key, new List<(string, string)>()));
            }

            ((List<(string, string)>)result[^1].Item2).Add((reader.GetString(1), reader.GetString(2)));
        }

        return result;
    }

    /// <summary>Counts for `pipeline stats`: rows of a grouping query as (label, count) pairs.</summary>
    public IReadOnlyList<(string Label, long Count)> CountBy(StatsGrouping grouping)
    {
        var sql = grouping switch
        {
            StatsGrouping.Province => "SELECT COALESCE(province, '(none)'), COUNT(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1",
            StatsGrouping.Year => "SELECT COALESCE(substr(published, 1, 4), '(none)'), COUNT(*) FROM documents GROUP BY 1 ORDER BY 1",
            StatsGrouping.Metric => "SELECT metric, COUNT(*) FROM figures GROUP BY 1 ORDER BY 2 DESC, 1",
            StatsGrouping.Site => "SELECT site, COUNT(*) FROM documents GROUP BY 1 ORDER BY 1",
            StatsGrouping.PageType => "SELECT COALESCE(page_type, '(none)'), COUNT(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1",
            _ => throw new ArgumentOutOfRangeException(nameof(grouping)),
        };
        using var select = Command(sql);
        using var reader = select.ExecuteReader();
        var result = new List<(string, long)>();
        while (reader.Read())
        {
            result.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return result;
    }

    /// <summary>A site's page template as the reading stage learnt it (JSON), if any.</summary>
    public string? Template(string site)
    {
        using var select = Command("SELECT template FROM site_templates WHERE site = $site");
        select.Parameters.AddWithValue("$site", site);
        return select.ExecuteScalar() as string;
    }

    /// <summary>Saves (or replaces) a site's learnt page template.</summary>
    public void SaveTemplate(string site, string json, DateTimeOffset at)
    {
        using var upsert = Command("INSERT OR REPLACE INTO site_templates (site, template, updated_at) VALUES ($site, $json, $at)");
        upsert.Parameters.AddWithValue("$site", site);
        upsert.Parameters.AddWithValue("$json", json);
        upsert.Parameters.AddWithValue("$at", Stamps.Of(at));
        upsert.ExecuteNonQuery();
    }

    /// <summary>Row counts: documents and figures.</summary>
    public (int Documents, int Figures) Counts()
    {
        using var select = Command("SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM figures)");
        using var reader = select.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    public void Dispose() => _db.Dispose();

    /// <summary>A figure's columns, in the order <see cref="ReadFigure"/> reads them; <paramref name="alias"/> is the figures table's alias with its dot ("f.") or "".</summary>
    private static string FigureFields(string alias) => string.Join(", ",
        new[] { "metric", "measure", "value", "value_max", "unit", "approx", "estimate", "target", "scope", "period", "text", "start", "end", "sentence", "confidence", "rule", "flags", "subject" }
            .Select(c => alias + c));

    /// <summary>A figure read from <see cref="FigureFields"/>'s columns starting at column <paramref name="first"/>.</summary>
    private static Figure ReadFigure(SqliteDataReader reader, int first) => new()
    {
        Metric = Names.Parse<Metric>(reader.GetString(first)),
        Measure = Names.Parse<Measure>(reader.GetString(first + 1)),
        Value = decimal.Parse(reader.GetString(first + 2), CultureInfo.InvariantCulture),
        ValueMax = reader.IsDBNull(first + 3) ? null : decimal.Parse(reader.GetString(first + 3), CultureInfo.InvariantCulture),
        Unit = reader.GetString(first + 4),
        Approx = Names.Parse<Approx>(reader.GetString(first + 5)),
        Estimate = reader.GetBoolean(first + 6),
        Target = reader.GetBoolean(first + 7),
        Scope = reader.IsDBNull(first + 8) ? null : Names.Parse<Scope>(reader.GetString(first + 8)),
        Period = Text(reader, first + 9),
        Text = reader.GetString(first + 10),
        Start = reader.GetInt32(first + 11),
        End = reader.GetInt32(first + 12),
        Sentence = reader.GetString(first + 13),
        Confidence = reader.GetDouble(first + 14),
        Rule = reader.GetString(first + 15),
        Flags = reader.IsDBNull(first + 16) ? null : JsonSerializer.Deserialize<List<string>>(reader.GetString(first + 16), WireJson.Stored),
        Subject = Text(reader, first + 17),
    };

    private Dictionary<long, List<Figure>> FiguresOf(List<long> ids)
    {
        var result = new Dictionary<long, List<Figure>>();
        if (ids.Count == 0)
        {
            return result;
        }

        using var select = Command(
            $"""
            SELECT document_id, {FigureFields("")}
            FROM figures WHERE document_id BETWEEN {ids[0]} AND {ids[^1]} ORDER BY document_id, ordinal
            """);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var figure = ReadFigure(reader, 1);
            var id = reader.GetInt64(0);
            if (!result.TryGetValue(id, out var list))
            {
                result[id] = list = [];
            }

            list.Add(figure);
        }

        return result;
    }

    private Dictionary<long, List<StoredTableCell>> CellsOf(List<long> ids)
    {
        var result = new Dictionary<long, List<StoredTableCell>>();
        if (ids.Count == 0)
        {
            return result;
        }

        using var select = Command(
            $"""
            SELECT document_id, table_no, row_no, column_no, kind, header_path, row_header, text, start, end
            FROM table_cells WHERE document_id BETWEEN {ids[0]} AND {ids[^1]} ORDER BY document_id, table_no, row_no, column_no
            """);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (!result.TryGetValue(id, out var list))
            {
                result[id] = list = [];
            }

            list.Add(new StoredTableCell(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4), Text(reader, 5), Text(reader, 6),
                reader.GetString(7), reader.GetInt32(8), reader.GetInt32(9)));
        }

        return result;
    }

    private static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _db.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
