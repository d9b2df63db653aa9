using Microsoft.Data.Sqlite;

namespace Pipeline.Storage;

/// <summary>
/// The one database's schema (crawl state, pages, documents, figures) as numbered steps; PRAGMA user_version records how many have run, so an
/// older database is brought forward on open and a newer one is refused rather than damaged.
/// </summary>
public static class Schema
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
        CREATE TABLE site_templates (
            site TEXT PRIMARY KEY,
            template TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """,
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            site TEXT NOT NULL,
            page_hash TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            extractor_version TEXT NOT NULL,
            processed_at TEXT NOT NULL,
            title TEXT,
            published TEXT,
            published_from TEXT,
            author TEXT,
            board TEXT,
            province TEXT,
            period TEXT,
            text TEXT NOT NULL,
            attachments TEXT NOT NULL,
            warnings TEXT NOT NULL,
            indexed_key TEXT
        );
        CREATE INDEX documents_site ON documents (site);
        CREATE INDEX documents_published ON documents (published);
        CREATE TABLE figures (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            metric TEXT NOT NULL,
            measure TEXT NOT NULL,
            value TEXT NOT NULL,
            value_max TEXT,
            unit TEXT NOT NULL,
            approx TEXT NOT NULL,
            estimate INTEGER NOT NULL,
            target INTEGER NOT NULL,
            scope TEXT,
            period TEXT,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            sentence TEXT NOT NULL,
            confidence REAL NOT NULL,
            rule TEXT NOT NULL
        );
        CREATE INDEX figures_document ON figures (document_id);
        CREATE INDEX figures_metric ON figures (metric, period);
        """,
        """
        ALTER TABLE figures ADD COLUMN flags TEXT;
        ALTER TABLE figures ADD COLUMN fact_key TEXT;
        CREATE INDEX figures_fact ON figures (fact_key);
        CREATE TABLE facts (
            key TEXT PRIMARY KEY,
            province TEXT NOT NULL,
            metric TEXT NOT NULL,
            measure TEXT NOT NULL,
            scope TEXT,
            period TEXT NOT NULL,
            target INTEGER NOT NULL,
            unit TEXT NOT NULL,
            value_min TEXT NOT NULL,
            value_max TEXT NOT NULL,
            reports INTEGER NOT NULL,
            documents INTEGER NOT NULL,
            conflict INTEGER NOT NULL
        );
        """,
        """
        ALTER TABLE documents ADD COLUMN page_type TEXT;
        ALTER TABLE documents ADD COLUMN page_type_score REAL;
        CREATE INDEX documents_page_type ON documents (page_type);
        """,
    ];

    /// <summary>Brings the database up to the newest schema, one transaction per step.</summary>
    public static void Apply(SqliteConnection connection)
    {
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > Steps.Count)
        {
            throw new InvalidOperationException($"the database is at schema version {version}, newer than this program ({Steps.Count}); update Pipeline");
        }

        for (var step = version; step < Steps.Count; step++)
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = Steps[step] + $"\nPRAGMA user_version = {step + 1};";
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
