using Microsoft.Data.Sqlite;
using Pipeline.Core;

namespace Pipeline.Storage;

/// <summary>
/// The reading stage's tables (documents, figures, facts, table cells, site templates) as numbered steps, applied by
/// <see cref="SchemaSteps"/>; the crawl's tables are the crawl store's own.
/// </summary>
public static class DocumentSchema
{
    /// <summary>Each step's SQL; append new steps, never edit old ones.</summary>
    public static readonly IReadOnlyList<string> Steps =
    [
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
        """
        -- Learnt by the reading stage; the crawl's step 1 made it before the tables had owners.
        CREATE TABLE IF NOT EXISTS site_templates (
            site TEXT PRIMARY KEY,
            template TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """,
        """
        -- What a figure is about (a zone, company or project; null for the report's own totals), and in the fact it reports.
        ALTER TABLE figures ADD COLUMN subject TEXT;
        ALTER TABLE facts ADD COLUMN subject TEXT;
        -- How many tables the document's text holds; null for a document stored before its tables were kept (read again).
        ALTER TABLE documents ADD COLUMN tables INTEGER;
        -- Every cell of every table of a document, as the table reader sees it.
        CREATE TABLE table_cells (
            document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            table_no INTEGER NOT NULL,
            row_no INTEGER NOT NULL,
            column_no INTEGER NOT NULL,
            kind TEXT NOT NULL,
            header_path TEXT,
            row_header TEXT,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            PRIMARY KEY (document_id, table_no, row_no, column_no)
        ) WITHOUT ROWID;
        """,
    ];

    /// <summary>Brings the reading stage's tables up to the newest schema.</summary>
    public static void Apply(SqliteConnection connection) => SchemaSteps.Apply(connection, "documents", Steps);
}
