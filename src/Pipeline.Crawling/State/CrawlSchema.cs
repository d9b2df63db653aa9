using Microsoft.Data.Sqlite;
using Pipeline.Core;

namespace Pipeline.Crawling.State;

/// <summary>The crawl's tables (runs, frontier, fetch log, pages, robots.txt cache, sources) as numbered steps, applied by <see cref="SchemaSteps"/>.</summary>
public static class CrawlSchema
{
    /// <summary>Each step's SQL; append new steps, never edit old ones.</summary>
    public static readonly IReadOnlyList<string> Steps =
    [
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started TEXT NOT NULL,
            finished TEXT,
            options TEXT NOT NULL,
            summary TEXT
        );
        CREATE TABLE frontier (
            url TEXT PRIMARY KEY,
            site TEXT NOT NULL,
            host TEXT NOT NULL,
            kind TEXT NOT NULL,
            depth INTEGER NOT NULL,
            state TEXT NOT NULL,
            seq INTEGER NOT NULL,
            announced TEXT,
            tries INTEGER NOT NULL DEFAULT 0,
            detail TEXT
        );
        CREATE INDEX frontier_next ON frontier (host, state, seq);
        CREATE TABLE fetch_log (
            id INTEGER PRIMARY KEY,
            run INTEGER NOT NULL,
            url TEXT NOT NULL,
            site TEXT NOT NULL,
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            elapsed_ms INTEGER NOT NULL,
            requests INTEGER NOT NULL,
            status INTEGER NOT NULL,
            outcome TEXT NOT NULL,
            change TEXT,
            bytes INTEGER NOT NULL,
            detail TEXT
        );
        CREATE INDEX fetch_log_run ON fetch_log (run);
        CREATE TABLE pages (
            url TEXT PRIMARY KEY,
            site TEXT NOT NULL,
            kind TEXT NOT NULL,
            final_url TEXT NOT NULL,
            status INTEGER NOT NULL,
            content_type TEXT,
            etag TEXT,
            last_modified TEXT,
            hash TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            headers TEXT NOT NULL,
            body BLOB NOT NULL
        );
        CREATE INDEX pages_site ON pages (site);
        CREATE TABLE robots (
            host TEXT PRIMARY KEY,
            fetched_at TEXT NOT NULL,
            status INTEGER NOT NULL,
            body TEXT
        );
        """,
        """
        CREATE TABLE crawl_sources (
            name TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            province TEXT NOT NULL,
            kind TEXT NOT NULL,
            title_selector TEXT,
            date_selector TEXT,
            body_selector TEXT,
            updated_at TEXT NOT NULL
        );
        """,
    ];

    /// <summary>Brings the crawl's tables up to the newest schema.</summary>
    public static void Apply(SqliteConnection connection) => SchemaSteps.Apply(connection, "crawl", Steps);
}
