using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pipeline.Core;
using Pipeline.Crawling.Fetching;
using Pipeline.Crawling.Registry;

namespace Pipeline.Crawling.State;

/// <summary>What a URL is to the crawl, which decides how its page is read.</summary>
public enum PageKind
{
    Sitemap,
    Feed,
    Listing,
    Article,

    /// <summary>A host's robots.txt; logged, never queued.</summary>
    Robots,
}

/// <summary>A URL waiting in (or taken from) the frontier.</summary>
public sealed record FrontierItem(Uri Url, string Site, PageKind Kind, int Depth, DateTimeOffset? Announced = null)
{
    /// <summary>How many times the URL has been taken from the frontier (this one included).</summary>
    public int Tries { get; init; }
}

/// <summary>The run the crawl writes to, and whether it picked up an interrupted one.</summary>
public sealed record RunInfo(long Id, bool Resumed);

/// <summary>What the store remembers of a page for the next conditional GET and change check.</summary>
public sealed record StoredPage(Uri Url, string Hash, string? ETag, string? LastModified, DateTimeOffset FetchedAt);

/// <summary>One line of the fetch log.</summary>
public sealed record FetchLogEntry(Uri Url, string Site, PageKind Kind, DateTimeOffset At, TimeSpan Elapsed, int Requests, int Status, string Outcome, string? Change, long Bytes, string? Detail);

/// <summary>A fetched page to keep: raw bytes (stored compressed), headers and validators.</summary>
public sealed record PageWrite(Uri Url, string Site, PageKind Kind, Uri FinalUrl, int Status, string? ContentType, string? ETag, string? LastModified, string Hash, DateTimeOffset FetchedAt, bool Changed, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>What the crawl knew of a source when it last crawled it: the facts of its pages that later stages reuse.</summary>
public sealed record SourceRecord(string Name, string Title, string Province, string Kind, PageSelectors Selectors);

/// <summary>A stored page read back.</summary>
public sealed record PageRecord(Uri Url, string Site, PageKind Kind, Uri FinalUrl, string? ContentType, string Hash, DateTimeOffset FetchedAt, DateTimeOffset ChangedAt, byte[] Body);

/// <summary>
/// The crawl's memory in one SQLite file (WAL): runs, frontier, fetch log, page store, robots.txt
/// cache. Each fetched page is recorded in one transaction together with its log
/// line, its frontier state and the links it revealed, so a crawl killed at any instant resumes
/// with nothing lost and nothing done twice except the requests that were in flight.
/// </summary>
public sealed partial class CrawlStore : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<FrontierItem>> _batches = new(StringComparer.OrdinalIgnoreCase);
    private long _seq;

    private CrawlStore(SqliteConnection db)
    {
        _db = db;
        _seq = Convert.ToInt64(Scalar("SELECT COALESCE(MAX(seq), 0) FROM frontier"), CultureInfo.InvariantCulture);
    }

    public static CrawlStore Open(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        db.Open();
        Execute(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 16000; PRAGMA cache_size = -32000;");
        CrawlSchema.Apply(db);
        return new CrawlStore(db);
    }

    /// <summary>Resumes the unfinished run if there is one (its in-flight URLs queued again), else starts a fresh one.</summary>
    public RunInfo StartRun(string options, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (Scalar("SELECT id FROM runs WHERE finished IS NULL ORDER BY id DESC LIMIT 1") is long open)
            {
                _batches.Clear();
                return new RunInfo(open, true);
            }

            using var transaction = _db.BeginTransaction();
            Command("DELETE FROM frontier", transaction).ExecuteNonQuery();
            using var insert = Command("INSERT INTO runs (started, options) VALUES ($started, $options) RETURNING id", transaction);
            insert.Parameters.AddWithValue("$started", Stamps.Of(now));
            insert.Parameters.AddWithValue("$options", options);
            var id = (long)insert.ExecuteScalar()!;
            transaction.Commit();
            _seq = 0;
            _batches.Clear();
            return new RunInfo(id, false);
        }
    }

    public void FinishRun(long run, string summary, DateTimeOffset now)
    {
        lock (_lock)
        {
            using var command = Command("UPDATE runs SET finished = $at, summary = $summary WHERE id = $id");
            command.Parameters.AddWithValue("$at", Stamps.Of(now));
            command.Parameters.AddWithValue("$summary", summary);
            command.Parameters.AddWithValue("$id", run);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Queues URLs not yet in this run's frontier; returns how many were new.</summary>
    public int Enqueue(IEnumerable<FrontierItem> items)
    {
        lock (_lock)
        {
            using var transaction = _db.BeginTransaction();
            var added = EnqueueLocked(items, transaction);
            transaction.Commit();
            return added;
        }
    }

    /// <summary>
    /// Takes the next queued URL of a host (sitemaps and feeds first, then listings, then articles).
    /// URLs are read in batches and stay "queued" in the database until completed, so a crash
    /// leaves exactly the unfinished ones to resume; one worker per host keeps a batch from being taken twice.
    /// </summary>
    public FrontierItem? Claim(string host)
    {
        lock (_lock)
        {
            if (!_batches.TryGetValue(host, out var batch) || batch.Count == 0)
            {
                batch = new Queue<FrontierItem>(LoadBatch(host));
                _batches[host] = batch;
            }

            return batch.TryDequeue(out var item) ? item : null;
        }
    }

    private List<FrontierItem> LoadBatch(string host)
    {
        using var select = Command(
            """
            SELECT url, site, kind, depth, announced, tries FROM frontier
            WHERE host = $host AND state = 'queued'
            ORDER BY CASE kind WHEN 'Sitemap' THEN 0 WHEN 'Feed' THEN 1 WHEN 'Listing' THEN 2 ELSE 3 END, seq
            LIMIT 32
            """);
        select.Parameters.AddWithValue("$host", host);
        var items = new List<FrontierItem>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            items.Add(new FrontierItem(
                new Uri(reader.GetString(0)),
                reader.GetString(1),
                Enum.Parse<PageKind>(reader.GetString(2)),
                reader.GetInt32(3),
                reader.IsDBNull(4) ? null : DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture))
            {
                Tries = reader.GetInt32(5) + 1,
            });
        }

        return items;
    }

    /// <summary>Puts a URL back in the queue (its host was paused), keeping its tries.</summary>
    public void Requeue(FrontierItem item)
    {
        lock (_lock)
        {
            using var update = Command("UPDATE frontier SET state = 'queued', tries = tries + 1 WHERE url = $url");
            update.Parameters.AddWithValue("$url", item.Url.AbsoluteUri);
            update.ExecuteNonQuery();
        }
    }

    /// <summary>Requests logged in a run so far (a resumed run counts what it did before).</summary>
    public int Fetches(long run)
    {
        lock (_lock)
        {
            using var select = Command("SELECT COUNT(*) FROM fetch_log WHERE run = $run AND requests > 0 AND kind <> 'Robots'");
            select.Parameters.AddWithValue("$run", run);
            return Convert.ToInt32(select.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Hosts with queued URLs.</summary>
    public IReadOnlyList<string> QueuedHosts()
    {
        lock (_lock)
        {
            return Strings("SELECT DISTINCT host FROM frontier WHERE state = 'queued'");
        }
    }

    /// <summary>
    /// Records a finished URL in one transaction: its log line, the page (if kept), its final state
    /// and the URLs it revealed.
    /// </summary>
    public void Complete(long run, FrontierItem item, string state, FetchLogEntry log, PageWrite? page, IReadOnlyList<FrontierItem> discovered, IReadOnlyList<Uri>? hops = null)
    {
        lock (_lock)
        {
            using var transaction = _db.BeginTransaction();
            using var update = Command("UPDATE frontier SET state = $state, detail = $detail WHERE url = $url", transaction);
            update.Parameters.AddWithValue("$state", state);
            update.Parameters.AddWithValue("$detail", (object?)log.Detail ?? DBNull.Value);
            update.Parameters.AddWithValue("$url", item.Url.AbsoluteUri);
            update.ExecuteNonQuery();
            InsertLog(run, log, transaction);
            if (page is not null)
            {
                WritePage(page, transaction);
            }

            // Where redirects led has been asked for already: a link straight to it is not followed again this run.
            foreach (var hop in (hops ?? []).Where(h => h != item.Url))
            {
                EnqueueLocked([item with { Url = hop }], transaction, "done");
                using var seen = Command("UPDATE frontier SET state = 'done', detail = 'reached by redirect' WHERE url = $url AND state = 'queued'", transaction);
                seen.Parameters.AddWithValue("$url", hop.AbsoluteUri);
                seen.ExecuteNonQuery();
                if (_batches.TryGetValue(hop.Authority, out var batch) && batch.Any(b => b.Url == hop))
                {
                    _batches[hop.Authority] = new Queue<FrontierItem>(batch.Where(b => b.Url != hop));
                }
            }

            EnqueueLocked(discovered, transaction);
            transaction.Commit();
        }
    }

    /// <summary>Logs a request that belongs to no frontier URL (robots.txt).</summary>
    public void Log(long run, FetchLogEntry log)
    {
        lock (_lock)
        {
            InsertLog(run, log, null);
        }
    }

    public StoredPage? Stored(Uri url)
    {
        lock (_lock)
        {
            using var select = Command("SELECT hash, etag, last_modified, fetched_at FROM pages WHERE url = $url");
            select.Parameters.AddWithValue("$url", url.AbsoluteUri);
            using var reader = select.ExecuteReader();
            return reader.Read()
                ? new StoredPage(url, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), Stamps.Parse(reader.GetString(3)))
                : null;
        }
    }

    /// <summary>Stored pages, optionally of one site, bodies decompressed; read lazily in URL order.</summary>
    public IEnumerable<PageRecord> Pages(string? site = null)
    {
        List<PageRecord> batch;
        var after = "";
        do
        {
            lock (_lock)
            {
                using var select = Command(
                    """
                    SELECT url, site, kind, final_url, content_type, hash, fetched_at, changed_at, body FROM pages
                    WHERE url > $after AND ($site IS NULL OR site = $site) ORDER BY url LIMIT 200
                    """);
                select.Parameters.AddWithValue("$after", after);
                select.Parameters.AddWithValue("$site", (object?)site ?? DBNull.Value);
                batch = [];
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    batch.Add(ReadPage(reader));
                }
            }

            foreach (var page in batch)
            {
                yield return page;
            }

            after = batch.Count > 0 ? batch[^1].Url.AbsoluteUri : after;
        }
        while (batch.Count == 200);
    }

    /// <summary>Counts of this run's frontier by state.</summary>
    public IReadOnlyDictionary<string, int> FrontierStates()
    {
        lock (_lock)
        {
            var result = new Dictionary<string, int>();
            using var reader = Command("SELECT state, COUNT(*) FROM frontier GROUP BY state").ExecuteReader();
            while (reader.Read())
            {
                result[reader.GetString(0)] = reader.GetInt32(1);
            }

            return result;
        }
    }

    /// <summary>The fetch log of one run.</summary>
    public IReadOnlyList<FetchLogEntry> FetchLog(long run)
    {
        lock (_lock)
        {
            using var select = Command("SELECT url, site, kind, at, elapsed_ms, requests, status, outcome, change, bytes, detail FROM fetch_log WHERE run = $run ORDER BY id");
            select.Parameters.AddWithValue("$run", run);
            var result = new List<FetchLogEntry>();
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                result.Add(new FetchLogEntry(
                    new Uri(reader.GetString(0)), reader.GetString(1), Enum.Parse<PageKind>(reader.GetString(2)), Stamps.Parse(reader.GetString(3)),
                    TimeSpan.FromMilliseconds(reader.GetInt64(4)), reader.GetInt32(5), reader.GetInt32(6), reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetInt64(9), reader.IsDBNull(10) ? null : reader.GetString(10)));
            }

            return result;
        }
    }

    /// <summary>A host's cached robots.txt: when it was fetched, its status and body.</summary>
    public (DateTimeOffset FetchedAt, int Status, string? Body)? Robots(string host)
    {
        lock (_lock)
        {
            using var select = Command("SELECT fetched_at, status, body FROM robots WHERE host = $host");
            select.Parameters.AddWithValue("$host", host);
            using var reader = select.ExecuteReader();
            return reader.Read() ? (Stamps.Parse(reader.GetString(0)), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2)) : null;
        }
    }

    public void SaveRobots(string host, DateTimeOffset at, int status, string? body)
    {
        lock (_lock)
        {
            using var upsert = Command("INSERT OR REPLACE INTO robots (host, fetched_at, status, body) VALUES ($host, $at, $status, $body)");
            upsert.Parameters.AddWithValue("$host", host);
            upsert.Parameters.AddWithValue("$at", Stamps.Of(at));
            upsert.Parameters.AddWithValue("$status", status);
            upsert.Parameters.AddWithValue("$body", (object?)body ?? DBNull.Value);
            upsert.ExecuteNonQuery();
        }
    }

    /// <summary>Stored article pages (URL, site, content hash) in URL order after <paramref name="after"/>, at most <paramref name="limit"/>; bodies are not read.</summary>
    public IReadOnlyList<(string Url, string Site, string Hash)> ArticleKeys(string after, int limit, string? site = null)
    {
        lock (_lock)
        {
            using var select = Command(
                """
                SELECT url, site, hash FROM pages
                WHERE kind = $kind AND url > $after AND ($site IS NULL OR site = $site) ORDER BY url LIMIT $limit
                """);
            select.Parameters.AddWithValue("$kind", PageKind.Article.ToString());
            select.Parameters.AddWithValue("$after", after);
            select.Parameters.AddWithValue("$site", (object?)site ?? DBNull.Value);
            select.Parameters.AddWithValue("$limit", limit);
            var result = new List<(string, string, string)>();
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                result.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }

            return result;
        }
    }

    /// <summary>One stored page with its body decompressed, or null.</summary>
    public PageRecord? Page(string url)
    {
        lock (_lock)
        {
            using var select = Command("SELECT url, site, kind, final_url, content_type, hash, fetched_at, changed_at, body FROM pages WHERE url = $url");
            select.Parameters.AddWithValue("$url", url);
            using var reader = select.ExecuteReader();
            return reader.Read() ? ReadPage(reader) : null;
        }
    }

    /// <summary>Each source's last fetch, requests logged, and its failures by outcome in its last crawl run ("NotFound 2, Timeout 1").</summary>
    public IReadOnlyList<(string Site, string LastFetch, long Requests, string Failures)> SourceHealth()
    {
        lock (_lock)
        {
            using var select = Command(
                """
                SELECT l.site, MAX(l.at), COUNT(*),
                       COALESCE((SELECT group_concat(outcome || ' ' || n, ', ') FROM
                           (SELECT outcome, COUNT(*) n FROM fetch_log x WHERE x.site = l.site AND x.run = (SELECT MAX(run) FROM fetch_log y WHERE y.site = l.site)
                              AND outcome NOT IN ($ok, $unchanged) GROUP BY outcome)), '')
                FROM fetch_log l GROUP BY l.site ORDER BY l.site
                """);
            select.Parameters.AddWithValue("$ok", FetchOutcome.Ok.ToString());
            select.Parameters.AddWithValue("$unchanged", FetchOutcome.NotModified.ToString());
            using var reader = select.ExecuteReader();
            var result = new List<(string, string, long, string)>();
            while (reader.Read())
            {
                result.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
            }

            return result;
        }
    }

    /// <summary>Records the sources being crawled (title, province, kind, selectors), so their pages can be read again without the registry.</summary>
    public void SaveSources(IEnumerable<Source> sources, DateTimeOffset at)
    {
        lock (_lock)
        {
            using var transaction = _db.BeginTransaction();
            using var upsert = Command(
                """
                INSERT OR REPLACE INTO crawl_sources (name, title, province, kind, title_selector, date_selector, body_selector, updated_at)
                VALUES ($name, $title, $province, $kind, $ts, $ds, $bs, $at)
                """,
                transaction);
            foreach (var source in sources)
            {
                upsert.Parameters.Clear();
                upsert.Parameters.AddWithValue("$name", source.Name);
                upsert.Parameters.AddWithValue("$title", source.Title);
                upsert.Parameters.AddWithValue("$province", source.Province);
                upsert.Parameters.AddWithValue("$kind", source.Kind);
                upsert.Parameters.AddWithValue("$ts", (object?)source.Selectors.Title ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$ds", (object?)source.Selectors.Date ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$bs", (object?)source.Selectors.Body ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$at", Stamps.Of(at));
                upsert.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>A source as the crawl last recorded it, or null if it never crawled it (or crawled it before sources were recorded).</summary>
    public SourceRecord? Source(string name)
    {
        lock (_lock)
        {
            using var select = Command("SELECT name, title, province, kind, title_selector, date_selector, body_selector FROM crawl_sources WHERE name = $name");
            select.Parameters.AddWithValue("$name", name);
            using var reader = select.ExecuteReader();
            return reader.Read()
                ? new SourceRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    new PageSelectors(reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)))
                : null;
        }
    }

    /// <summary>Closes the store once no call is inside it (each holds the lock), so a close never cuts a transaction in two.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _db.Dispose();
        }
    }

    private int EnqueueLocked(IEnumerable<FrontierItem> items, SqliteTransaction transaction, string state = "queued")
    {
        using var insert = Command(
            """
            INSERT OR IGNORE INTO frontier (url, site, host, kind, depth, state, seq, announced)
            VALUES ($url, $site, $host, $kind, $depth, $state, $seq, $announced)
            """,
            transaction);
        insert.Parameters.AddWithValue("$state", state);
        var url = insert.Parameters.Add("$url", SqliteType.Text);
        var site = insert.Parameters.Add("$site", SqliteType.Text);
        var host = insert.Parameters.Add("$host", SqliteType.Text);
        var kind = insert.Parameters.Add("$kind", SqliteType.Text);
        var depth = insert.Parameters.Add("$depth", SqliteType.Integer);
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var announced = insert.Parameters.Add("$announced", SqliteType.Text);
        var added = 0;
        foreach (var item in items)
        {
            url.Value = item.Url.AbsoluteUri;
            site.Value = item.Site;
            host.Value = item.Url.Authority;
            kind.Value = item.Kind.ToString();
            depth.Value = item.Depth;
            seq.Value = _seq + 1;
            announced.Value = item.Announced is { } a ? Stamps.Of(a) : DBNull.Value;
            if (insert.ExecuteNonQuery() > 0)
            {
                _seq++;
                added++;
            }
        }

        return added;
    }

    private void InsertLog(long run, FetchLogEntry log, SqliteTransaction? transaction)
    {
        using var insert = Command(
            """
            INSERT INTO fetch_log (run, url, site, kind, at, elapsed_ms, requests, status, outcome, change, bytes, detail)
            VALUES ($run, $url, $site, $kind, $at, $elapsed, $requests, $status, $outcome, $change, $bytes, $detail)
            """,
            transaction);
        insert.Parameters.AddWithValue("$run", run);
        insert.Parameters.AddWithValue("$url", log.Url.AbsoluteUri);
        insert.Parameters.AddWithValue("$site", log.Site);
        insert.Parameters.AddWithValue("$kind", log.Kind.ToString());
        insert.Parameters.AddWithValue("$at", Stamps.Of(log.At));
        insert.Parameters.AddWithValue("$elapsed", (long)log.Elapsed.TotalMilliseconds);
        insert.Parameters.AddWithValue("$requests", log.Requests);
        insert.Parameters.AddWithValue("$status", log.Status);
        insert.Parameters.AddWithValue("$outcome", log.Outcome);
        insert.Parameters.AddWithValue("$change", (object?)log.Change ?? DBNull.Value);
        insert.Parameters.AddWithValue("$bytes", log.Bytes);
        insert.Parameters.AddWithValue("$detail", (object?)log.Detail ?? DBNull.Value);
        insert.ExecuteNonQuery();
    }

    private void WritePage(PageWrite page, SqliteTransaction transaction)
    {
        // An unchanged page keeps its stored body and its changed_at; only the fetch time and validators move.
        var sql = page.Changed
            ? """
              INSERT OR REPLACE INTO pages (url, site, kind, final_url, status, content_type, etag, last_modified, hash, fetched_at, changed_at, headers, body)
              VALUES ($url, $site, $kind, $final, $status, $type, $etag, $modified, $hash, $at, $at, $headers, $body)
              """
            : "UPDATE pages SET fetched_at = $at, etag = COALESCE($etag, etag), last_modified = COALESCE($modified, last_modified) WHERE url = $url";
        using var command = Command(sql, transaction);
        command.Parameters.AddWithValue("$url", page.Url.AbsoluteUri);
        command.Parameters.AddWithValue("$site", page.Site);
        command.Parameters.AddWithValue("$kind", page.Kind.ToString());
        command.Parameters.AddWithValue("$final", page.FinalUrl.AbsoluteUri);
        command.Parameters.AddWithValue("$status", page.Status);
        command.Parameters.AddWithValue("$type", (object?)page.ContentType ?? DBNull.Value);
        command.Parameters.AddWithValue("$etag", (object?)page.ETag ?? DBNull.Value);
        command.Parameters.AddWithValue("$modified", (object?)page.LastModified ?? DBNull.Value);
        command.Parameters.AddWithValue("$hash", page.Hash);
        command.Parameters.AddWithValue("$at", Stamps.Of(page.FetchedAt));
        command.Parameters.AddWithValue("$headers", JsonSerializer.Serialize(page.Headers));
        command.Parameters.AddWithValue("$body", page.Changed ? PageBodies.Compress(page.Body) : []);
        command.ExecuteNonQuery();
    }

    /// <summary>A page row as selected by <see cref="Pages"/> and <see cref="Page"/> (url, site, kind, final_url, content_type, hash, fetched_at, changed_at, body).</summary>
    private static PageRecord ReadPage(SqliteDataReader reader) => new(
        new Uri(reader.GetString(0)), reader.GetString(1), Enum.Parse<PageKind>(reader.GetString(2)), new Uri(reader.GetString(3)),
        reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), Stamps.Parse(reader.GetString(6)), Stamps.Parse(reader.GetString(7)),
        PageBodies.Decompress((byte[])reader.GetValue(8)));

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _db.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private object? Scalar(string sql) => Command(sql).ExecuteScalar();

    private List<string> Strings(string sql)
    {
        var result = new List<string>();
        using var reader = Command(sql).ExecuteReader();
        while (reader.Read())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
